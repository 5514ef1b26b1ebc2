//! Where a file comes from: the exports a small business actually has (a shop's orders,
//! a helpdesk's tickets, web analytics), each recognised by its header and read by its
//! own preset. This module names the sources and recognises them; how each becomes
//! events is in the preset files beside it (see docs/data-sources.md).

pub mod generator;
mod hub;
mod import;
mod layout;
pub mod pseudonym;
mod read;

pub use hub::{join_sources, HubError, HubSummary};
pub use import::{import_hub, import_source};
pub use layout::{channel_name, Dated, Layout};
pub use read::{filter, read_events, read_source, to_log, CaseBy, ContactCounts, Filters, SourceEvent, SourceOptions, SourceSummary};

use serde::{Deserialize, Serialize};

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
