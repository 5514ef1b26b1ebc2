//! The plain types of the source presets that the rest of analytics speaks (the worker
//! protocol, the import summary, the warnings): which [`Source`] a file comes from and how
//! it is recognised, how it is read ([`SourceOptions`]: cases, filters, key) and what
//! reading found ([`SourceSummary`], [`HubSummary`]). The readers themselves are in
//! [`super::sources`], which builds on analytics and is never imported by it.

use serde::{Deserialize, Serialize};

use super::error::RowIssue;
use super::time_form::TimeForm;
use crate::model::Lang;

/// A kind of file the import knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// One row per event with case, activity and time (today's importer).
    Generic,
    /// Shopify admin → Orders → Export (CSV for Excel or plain CSV).
    ShopifyOrders,
    /// WooCommerce orders exported with field keys (order_id, order_date, …).
    WooCommerceOrders,
    /// Zendesk Support ticket export (CSV).
    ZendeskTickets,
    /// Freshdesk Tickets → Export (CSV).
    FreshdeskTickets,
    /// GA4's BigQuery export flattened to one row per event.
    Ga4Flat,
    /// Matomo's raw log tables joined to one row per action.
    MatomoActions,
}

/// Headers that together mark a source (compared case-insensitively, all must be there).
const SIGNATURES: [(Source, &[&str]); 6] = [
    (Source::ShopifyOrders, &["name", "email", "financial status", "paid at", "fulfillment status", "created at", "lineitem quantity"]),
    (Source::WooCommerceOrders, &["order_id", "order_date", "billing_email"]),
    (Source::ZendeskTickets, &["id", "requester", "status", "via", "created at", "solved at"]),
    (Source::FreshdeskTickets, &["ticket id", "status", "source", "created time", "resolved time"]),
    (Source::Ga4Flat, &["event_name", "event_timestamp", "user_pseudo_id"]),
    (Source::MatomoActions, &["idvisit", "idvisitor", "server_time"]),
];

impl Source {
    /// Every source, in the order the picker shows them.
    pub const ALL: [Source; 7] = [
        Source::Generic,
        Source::ShopifyOrders,
        Source::WooCommerceOrders,
        Source::ZendeskTickets,
        Source::FreshdeskTickets,
        Source::Ga4Flat,
        Source::MatomoActions,
    ];

    /// The source whose signature the header carries, if any.
    pub fn recognise(headers: &[String]) -> Option<Source> {
        let have: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
        SIGNATURES.iter().find(|(_, need)| need.iter().all(|n| have.iter().any(|h| h == n))).map(|(s, _)| *s)
    }

    /// Whether a row of this source is something other than one event (an order with
    /// several dates, a ticket with opened and solved): read as a plain log it misleads.
    pub fn rows_are_not_events(self) -> bool {
        matches!(self, Source::ShopifyOrders | Source::WooCommerceOrders | Source::ZendeskTickets | Source::FreshdeskTickets)
    }

    /// The stable key (for recipes and the page).
    pub fn key(self) -> &'static str {
        match self {
            Source::Generic => "generic",
            Source::ShopifyOrders => "shopify_orders",
            Source::WooCommerceOrders => "woocommerce_orders",
            Source::ZendeskTickets => "zendesk_tickets",
            Source::FreshdeskTickets => "freshdesk_tickets",
            Source::Ga4Flat => "ga4_flat",
            Source::MatomoActions => "matomo_actions",
        }
    }

    pub fn from_key(key: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The name in the source picker.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Source::Generic => ("Event log (one row per event)", "Ereignisprotokoll (eine Zeile je Ereignis)"),
            Source::ShopifyOrders => ("Shop orders: Shopify", "Shop-Bestellungen: Shopify"),
            Source::WooCommerceOrders => ("Shop orders: WooCommerce", "Shop-Bestellungen: WooCommerce"),
            Source::ZendeskTickets => ("Helpdesk tickets: Zendesk", "Helpdesk-Tickets: Zendesk"),
            Source::FreshdeskTickets => ("Helpdesk tickets: Freshdesk", "Helpdesk-Tickets: Freshdesk"),
            Source::Ga4Flat => ("Web analytics: GA4 (BigQuery, flattened)", "Web-Analyse: GA4 (BigQuery, flach)"),
            Source::MatomoActions => ("Web analytics: Matomo (raw tables)", "Web-Analyse: Matomo (Rohdaten-Tabellen)"),
        })
    }

    /// The export's name in a sentence ("a Shopify orders export").
    pub fn export_name(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Source::Generic => ("an event log", "ein Ereignisprotokoll"),
            Source::ShopifyOrders => ("a Shopify orders export", "ein Shopify-Bestellexport"),
            Source::WooCommerceOrders => ("a WooCommerce orders export", "ein WooCommerce-Bestellexport"),
            Source::ZendeskTickets => ("a Zendesk ticket export", "ein Zendesk-Ticketexport"),
            Source::FreshdeskTickets => ("a Freshdesk ticket export", "ein Freshdesk-Ticketexport"),
            Source::Ga4Flat => ("a flattened GA4 export", "ein flacher GA4-Export"),
            Source::MatomoActions => ("Matomo's raw tables", "Matomos Rohdaten-Tabellen"),
        })
    }

    /// What one row of the export is.
    pub fn row_meaning(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Source::ShopifyOrders | Source::WooCommerceOrders => {
                ("an order (with its dates: placed, paid, fulfilled, cancelled)", "eine Bestellung (mit ihren Daten: aufgegeben, bezahlt, versandt, storniert)")
            }
            Source::ZendeskTickets | Source::FreshdeskTickets => ("a ticket (opened and solved)", "ein Ticket (eröffnet und gelöst)"),
            Source::Generic | Source::Ga4Flat | Source::MatomoActions => ("an event", "ein Ereignis"),
        })
    }
}

/// What one case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseBy {
    /// One case per customer, across orders, tickets and sessions.
    Customer,
    /// One case per record: an order, a ticket, a GA4 session, a Matomo visit.
    Record,
    /// A customer's events split into sessions after this many minutes without an event.
    Idle { minutes: u32 },
}

/// Filters applied to the events before they form cases.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    /// Keep events at or after this instant (ms since the epoch).
    #[serde(default)]
    pub from_ms: Option<i64>,
    /// Keep events before this instant.
    #[serde(default)]
    pub to_ms: Option<i64>,
    /// Activities left out (noise such as `scroll`), by name after renaming.
    #[serde(default)]
    pub drop: Vec<String>,
    /// (from, to): an activity renamed; two renamed to one name are merged.
    #[serde(default)]
    pub rename: Vec<(String, String)>,
}

/// How to read a source file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceOptions {
    pub source: Source,
    pub case_by: CaseBy,
    #[serde(default)]
    pub filters: Filters,
    /// Language of the event names ("Order placed" / "Bestellung aufgegeben").
    #[serde(default)]
    pub lang: Lang,
    /// IANA zone for times without one.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Day/month order; `Auto` detects it from the date columns.
    #[serde(default)]
    pub time_form: TimeForm,
    /// Key of the keyed hash that replaces e-mail addresses (hex); `None` keeps them
    /// normalised, in memory only.
    #[serde(default)]
    pub key: Option<String>,
}

impl SourceOptions {
    pub fn new(source: Source, case_by: CaseBy) -> SourceOptions {
        SourceOptions { source, case_by, filters: Filters::default(), lang: Lang::En, time_zone: None, time_form: TimeForm::Auto, key: None }
    }
}

/// Tickets counted by channel and by contact reason (helpdesk sources).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactCounts {
    pub by_channel: Vec<(String, u64)>,
    pub by_reason: Vec<(String, u64)>,
    /// (reason, channel, tickets): which channels each reason came by.
    #[serde(default)]
    pub by_reason_channel: Vec<(String, String, u64)>,
}

/// What reading the source did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub source: Option<Source>,
    /// Data rows read.
    pub rows: u64,
    /// Orders, tickets or sessions found (line items of one order count once).
    pub records: u64,
    /// Distinct customers.
    pub customers: u64,
    pub events: u64,
    pub cases: u64,
    /// Events left out by the filters.
    pub filtered: u64,
    pub skipped_rows: u64,
    pub first_issues: Vec<RowIssue>,
    pub contacts: ContactCounts,
    /// The date form used for the date columns.
    pub time_form: TimeForm,
}

/// How the customers of the joined sources overlap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HubSummary {
    /// Each source's own summary, in the order given.
    pub sources: Vec<SourceSummary>,
    /// Distinct customers over all sources.
    pub customers: u64,
    /// Customers found in two sources or more (their journeys cross channels).
    pub matched: u64,
    /// For each pair of sources (by index), the customers both have.
    pub pairs: Vec<(usize, usize, u64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn exports_are_recognised_by_their_header() {
        let shopify = h(&["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Created at", "Lineitem quantity"]);
        assert_eq!(Source::recognise(&shopify), Some(Source::ShopifyOrders));
        let ga4 = h(&["event_date", "event_timestamp", "event_name", "user_pseudo_id"]);
        assert_eq!(Source::recognise(&ga4), Some(Source::Ga4Flat));
        assert_eq!(Source::recognise(&h(&["case", "activity", "time"])), None);
        for s in Source::ALL {
            assert_eq!(Source::from_key(s.key()), Some(s));
        }
    }
}
