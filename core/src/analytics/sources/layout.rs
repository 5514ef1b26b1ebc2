//! Each source's real column layout: which columns name the customer and the record (order,
//! ticket, visit), which date columns become which event (wide to long), where the channel
//! and the contact reason come from. The names are the ones the tools write in their
//! exports (docs/data-sources.md lists them with the menu path to each export).

use super::Source;
use crate::model::Lang;

/// A date column that becomes one event when it is filled.
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    pub column: &'static str,
    /// The event's name (EN, DE).
    pub activity: (&'static str, &'static str),
}

/// How a source's rows become events.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Columns naming the customer, first filled one wins (an e-mail address is
    /// normalised and, with a key, replaced by its keyed hash).
    pub customer: &'static [&'static str],
    /// The record a row belongs to (order, ticket, visit).
    pub record: &'static str,
    /// Several rows of one record (Shopify repeats an order on each line item): each
    /// column's first filled value over the record's rows is the record's.
    pub rows_repeat_record: bool,
    /// Wide sources: each filled date column is an event.
    pub dated: &'static [Dated],
    /// Long sources (one row per event): the activity and time columns.
    pub activity: Option<&'static str>,
    pub time: Option<&'static str>,
    /// Columns whose values, joined with " / ", are the channel.
    pub channel: &'static [&'static str],
    /// Columns giving the contact reason, first filled one wins (ticket type, then tags).
    pub reason: &'static [&'static str],
    /// The record's status column, for events that have no date column of their own.
    pub status: Option<&'static str>,
    /// (status value, time column, event): a record with this status gets the event at
    /// that column's time ("cancelled" orders in WooCommerce, at their last change).
    pub status_events: &'static [(&'static str, &'static str, (&'static str, &'static str))],
}

const ORDER_PLACED: (&str, &str) = ("Order placed", "Bestellung aufgegeben");
const PAID: (&str, &str) = ("Paid", "Bezahlt");
const FULFILLED: (&str, &str) = ("Fulfilled", "Versandt");
const CANCELLED: (&str, &str) = ("Cancelled", "Storniert");
const REFUNDED: (&str, &str) = ("Refunded", "Erstattet");
const OPENED: (&str, &str) = ("Ticket opened", "Ticket eröffnet");
const SOLVED: (&str, &str) = ("Ticket solved", "Ticket gelöst");

const NONE: Layout = Layout {
    customer: &[],
    record: "",
    rows_repeat_record: false,
    dated: &[],
    activity: None,
    time: None,
    channel: &[],
    reason: &[],
    status: None,
    status_events: &[],
};

impl Source {
    /// The layout of this source's export; `None` for the generic event log.
    pub fn layout(self) -> Option<Layout> {
        Some(match self {
            Source::Generic => return None,
            // Shopify admin → Orders → Export. One row per line item; the order's fields
            // are on its first row.
            Source::ShopifyOrders => Layout {
                customer: &["Email"],
                record: "Name",
                rows_repeat_record: true,
                dated: &[
                    Dated { column: "Created at", activity: ORDER_PLACED },
                    Dated { column: "Paid at", activity: PAID },
                    Dated { column: "Fulfilled at", activity: FULFILLED },
                    Dated { column: "Cancelled at", activity: CANCELLED },
                ],
                channel: &["Source"],
                ..NONE
            },
            // WooCommerce → Orders exported with field keys (Advanced Order Export's
            // keys). `created_via` says where the order was made (checkout, admin, …).
            Source::WooCommerceOrders => Layout {
                customer: &["billing_email", "customer_user"],
                record: "order_id",
                rows_repeat_record: true,
                dated: &[
                    Dated { column: "order_date", activity: ORDER_PLACED },
                    Dated { column: "paid_date", activity: PAID },
                    Dated { column: "completed_date", activity: FULFILLED },
                    Dated { column: "first_refund_date", activity: REFUNDED },
                ],
                channel: &["created_via"],
                status: Some("order_status"),
                status_events: &[("cancelled", "modified_date", CANCELLED)],
                ..NONE
            },
            // Zendesk Support: Reporting → Export (or a view exported as CSV).
            Source::ZendeskTickets => Layout {
                customer: &["Requester email", "Requester id", "Requester"],
                record: "Id",
                dated: &[Dated { column: "Created at", activity: OPENED }, Dated { column: "Solved at", activity: SOLVED }],
                channel: &["Via"],
                reason: &["Ticket type", "Tags"],
                ..NONE
            },
            // Freshdesk → Tickets → Export.
            Source::FreshdeskTickets => Layout {
                customer: &["Email", "Contact ID"],
                record: "Ticket ID",
                dated: &[Dated { column: "Created time", activity: OPENED }, Dated { column: "Resolved time", activity: SOLVED }],
                channel: &["Source"],
                reason: &["Type", "Tags"],
                ..NONE
            },
            // GA4 → BigQuery export, flattened by sql/presets (one row per event).
            Source::Ga4Flat => Layout {
                // The shop's login (GA4 `user_id`) joins with orders; else the browser.
                customer: &["user_id", "user_pseudo_id"],
                record: "ga_session_id",
                activity: Some("event_name"),
                time: Some("event_timestamp"),
                channel: &["source", "medium"],
                ..NONE
            },
            // Matomo's log_link_visit_action joined with log_visit and log_action.
            Source::MatomoActions => Layout {
                customer: &["user_id", "idvisitor"],
                record: "idvisit",
                activity: Some("action_name"),
                time: Some("server_time"),
                channel: &["referer_type"],
                ..NONE
            },
        })
    }
}

/// A channel value as the tool writes it → the word shown in `lang` (known values only;
/// anything else is kept as written).
pub fn channel_name(source: Source, raw: &str, lang: Lang) -> String {
    let lower = raw.trim().to_lowercase();
    let known: (&str, &str) = match (source, lower.as_str()) {
        (Source::ShopifyOrders, "web") => ("Online shop", "Onlineshop"),
        (Source::ShopifyOrders, "pos") => ("Shop (POS)", "Laden (Kasse)"),
        (Source::ShopifyOrders, "shopify_draft_order") => ("Draft order", "Bestellentwurf"),
        (Source::ShopifyOrders, "iphone" | "android") => ("Mobile app", "Mobile App"),
        (Source::WooCommerceOrders, "checkout" | "store-api") => ("Online shop", "Onlineshop"),
        (Source::WooCommerceOrders, "admin") => ("Staff (admin)", "Mitarbeitende (Admin)"),
        (Source::ZendeskTickets | Source::FreshdeskTickets, "mail" | "email" | "outbound email") => ("E-mail", "E-Mail"),
        (Source::ZendeskTickets, "web form") | (Source::FreshdeskTickets, "portal") => ("Web form", "Webformular"),
        (Source::ZendeskTickets | Source::FreshdeskTickets, "chat") => ("Chat", "Chat"),
        (Source::ZendeskTickets, "phone call (incoming)" | "phone call (outgoing)" | "voicemail") => ("Phone", "Telefon"),
        (Source::FreshdeskTickets, "phone") => ("Phone", "Telefon"),
        (Source::MatomoActions, "1") => ("Direct", "Direkt"),
        (Source::MatomoActions, "2") => ("Search engine", "Suchmaschine"),
        (Source::MatomoActions, "3") => ("Website", "Website"),
        (Source::MatomoActions, "6") => ("Campaign", "Kampagne"),
        (Source::MatomoActions, "7") => ("Social network", "Soziales Netzwerk"),
        _ => return raw.trim().to_string(),
    };
    lang.pick(known).to_string()
}

impl Source {
    /// The columns the preset reads and what each becomes, for the page to show before
    /// the import (column, meaning); empty for the generic log.
    pub fn expected_columns(self, lang: Lang) -> Vec<(String, String)> {
        let Some(l) = self.layout() else { return Vec::new() };
        let mut out = vec![(l.record.to_string(), lang.pick(self.record_word()).to_string())];
        let either = |cols: &[&str]| cols.join(lang.pick((" or ", " oder ")));
        let event = |name: (&str, &str)| match lang {
            Lang::En => format!("event “{}”", name.0),
            Lang::De => format!("Ereignis „{}“", name.1),
        };
        if !l.customer.is_empty() {
            out.push((either(l.customer), lang.pick(("the customer (e-mail addresses replaced by a keyed hash)", "der Kunde (E-Mail-Adressen durch einen Schlüssel-Hash ersetzt)")).into()));
        }
        for d in l.dated {
            out.push((d.column.to_string(), event(d.activity)));
        }
        for (value, column, activity) in l.status_events {
            let status = l.status.unwrap_or("");
            out.push((format!("{status} = {value}, {column}"), event(*activity)));
        }
        if let (Some(a), Some(t)) = (l.activity, l.time) {
            out.push((a.to_string(), lang.pick(("the activity", "die Aktivität")).into()));
            out.push((t.to_string(), lang.pick(("the time", "die Zeit")).into()));
        }
        if !l.channel.is_empty() {
            out.push((l.channel.join(" / "), lang.pick(("the channel", "der Kanal")).into()));
        }
        if !l.reason.is_empty() {
            out.push((either(l.reason), lang.pick(("the contact reason", "der Kontaktgrund")).into()));
        }
        out
    }

    /// What one record of this source is (EN, DE): an order, a ticket, a session.
    pub fn record_word(self) -> (&'static str, &'static str) {
        match self {
            Source::ShopifyOrders | Source::WooCommerceOrders => ("the order (rows of one order are one)", "die Bestellung (Zeilen einer Bestellung zählen einmal)"),
            Source::ZendeskTickets | Source::FreshdeskTickets => ("the ticket", "das Ticket"),
            Source::Ga4Flat => ("the session", "die Sitzung"),
            Source::MatomoActions => ("the visit", "der Besuch"),
            Source::Generic => ("the case", "der Fall"),
        }
    }

    /// "One case per order / ticket / session" (EN, DE), for the case choice.
    pub fn per_record(self) -> (&'static str, &'static str) {
        match self {
            Source::ShopifyOrders | Source::WooCommerceOrders => ("One case per order", "Ein Fall je Bestellung"),
            Source::ZendeskTickets | Source::FreshdeskTickets => ("One case per ticket", "Ein Fall je Ticket"),
            Source::Ga4Flat => ("One case per GA4 session", "Ein Fall je GA4-Sitzung"),
            Source::MatomoActions => ("One case per visit", "Ein Fall je Besuch"),
            Source::Generic => ("One case per case id", "Ein Fall je Fall-ID"),
        }
    }
}
