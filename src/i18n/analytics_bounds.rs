//! Strings of the analytics page for logs with very many distinct activities (issue 26):
//! what a list cut by the worker (`journey_core::analytics::shown`) left out, and how many
//! of the listed activities the matching and goal steps show, and how many columns the
//! mapping step offers; what the page says when its own part of an import crashed.

use journey_core::locale::number;
use journey_core::model::Lang;

pub struct BoundsTexts {
    /// Under the volumes table: left-out activities, the most events any one has, their events together.
    pub more_activities: fn(u64, u64, u64) -> String,
    /// Under the directly-follows table: left-out pairs and the most any one occurs.
    pub more_pairs: fn(u64, u64) -> String,
    /// Under any other cut list: how many more, each at most this many (events or cases).
    pub more_rare: fn(u64, u64) -> String,
    /// Above the matching and goal lists: shown of all.
    pub listed_of: fn(u64, u64) -> String,
    /// The mapping step of a file with more columns than it offers: all, offered.
    pub columns_left_out: fn(u64, u64) -> String,
    /// The page's own part of the import crashed (`crash_watch.rs`).
    pub page_crashed: &'static str,
}

fn n(v: u64, lang: Lang) -> String {
    number(v as f64, 0, lang)
}

pub const EN: BoundsTexts = BoundsTexts {
    more_activities: |c, m, e| {
        let l = Lang::En;
        format!("{} more activities, each rare (at most {} events each, {} events together) — not listed.", n(c, l), n(m, l), n(e, l))
    },
    more_pairs: |c, m| format!("{} more pairs, each rare (at most {} times each) — not listed.", n(c, Lang::En), n(m, Lang::En)),
    more_rare: |c, m| format!("{} more, each rare (at most {} each) — not listed.", n(c, Lang::En), n(m, Lang::En)),
    listed_of: |s, t| format!("Only the {} most frequent of {} activities are listed here.", n(s, Lang::En), n(t, Lang::En)),
    columns_left_out: |all, shown| {
        let l = Lang::En;
        format!("This file has {} columns; the lists below offer the first {} ({} left out). An event log has a handful — is the delimiter right?", n(all, l), n(shown, l), n(all - shown, l))
    },
    page_crashed: "The page stopped with an internal error while it took in the import’s result. Nothing in your maps changed. Import again: the next import starts afresh.",
};

pub const DE: BoundsTexts = BoundsTexts {
    more_activities: |c, m, e| {
        let l = Lang::De;
        format!("{} weitere Aktivitäten, jede selten (je höchstens {} Ereignisse, zusammen {} Ereignisse) — nicht aufgeführt.", n(c, l), n(m, l), n(e, l))
    },
    more_pairs: |c, m| format!("{} weitere Paare, jedes selten (je höchstens {}-mal) — nicht aufgeführt.", n(c, Lang::De), n(m, Lang::De)),
    more_rare: |c, m| format!("{} weitere, jede selten (je höchstens {}) — nicht aufgeführt.", n(c, Lang::De), n(m, Lang::De)),
    listed_of: |s, t| format!("Hier stehen nur die {} häufigsten von {} Aktivitäten.", n(s, Lang::De), n(t, Lang::De)),
    columns_left_out: |all, shown| {
        let l = Lang::De;
        format!("Diese Datei hat {} Spalten; die Listen unten bieten die ersten {} an ({} weggelassen). Ein Ereignisprotokoll hat nur wenige — stimmt das Trennzeichen?", n(all, l), n(shown, l), n(all - shown, l))
    },
    page_crashed: "Die Seite brach beim Übernehmen des Import-Ergebnisses mit einem internen Fehler ab. An Ihren Karten hat sich nichts geändert. Bitte erneut importieren: der nächste Import beginnt neu.",
};

pub fn bounds_texts(lang: Lang) -> &'static BoundsTexts {
    lang.pick((&EN, &DE))
}
