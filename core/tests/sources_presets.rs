//! Each source preset on a file the generator wrote in that tool's real column layout:
//! the events, cases, channels and contact counts must be the ones the generated world
//! holds by construction (counted here from the world, not from the reader).

use std::collections::BTreeMap;

use journey_core::analytics::sources::generator::{world, World};
use journey_core::analytics::sources::{read_source, CaseBy, Filters, Source, SourceOptions};
use journey_core::analytics::{EventLog, ImportError, TimeForm, NONE_ID};
use journey_core::model::Lang;

fn counts(log: &EventLog) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for &a in &log.activity {
        *m.entry(log.activity_names[a as usize].clone()).or_default() += 1;
    }
    m
}

fn by_channel(log: &EventLog) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for &c in &log.channel {
        let name = if c == NONE_ID { "-".to_string() } else { log.channel_names[c as usize].clone() };
        *m.entry(name).or_default() += 1;
    }
    m
}

fn read(source: Source, csv: String, case_by: CaseBy) -> (EventLog, journey_core::analytics::sources::SourceSummary) {
    read_source(csv.into_bytes(), &SourceOptions::new(source, case_by)).unwrap_or_else(|e| panic!("{source:?}: {}", e.message(Lang::En)))
}

fn w() -> World {
    world(80, 11)
}

/// The order events the world holds; `refunds`: whether the layout has a refund date.
fn order_truth(w: &World, refunds: bool) -> (BTreeMap<String, u64>, BTreeMap<String, u64>, u64, u64) {
    let mut acts = BTreeMap::new();
    let mut chans = BTreeMap::new();
    let (mut orders, mut customers) = (0, 0);
    for c in &w.customers {
        customers += !c.orders.is_empty() as u64;
        for o in &c.orders {
            orders += 1;
            let mut n = 0;
            for (name, t) in [("Order placed", Some(o.created)), ("Paid", o.paid), ("Fulfilled", o.fulfilled), ("Cancelled", o.cancelled), ("Refunded", o.refunded)] {
                if t.is_some() && (refunds || name != "Refunded") {
                    *acts.entry(name.to_string()).or_default() += 1;
                    n += 1;
                }
            }
            *chans.entry(if o.source == "web" { "Online shop" } else { "POS" }.to_string()).or_default() += n;
        }
    }
    (acts, chans, orders, customers)
}

#[test]
fn shopify_orders_line_items_are_one_order_and_each_date_one_event() {
    let w = w();
    let (log, s) = read(Source::ShopifyOrders, w.shopify_csv(), CaseBy::Customer);
    let (acts, chans, orders, customers) = order_truth(&w, false);
    assert_eq!(counts(&log), acts);
    assert_eq!(s.records, orders, "line items of one order are one order");
    assert!(s.rows > orders, "the file has line-item rows");
    assert_eq!(log.case_count() as u64, customers);
    assert_eq!(s.customers, customers);
    let got = by_channel(&log);
    assert_eq!(got.get("Online shop"), chans.get("Online shop"));
    assert_eq!(got.get("Shop (POS)"), chans.get("POS"));
    // Case = order: one case per order.
    let (by_order, _) = read(Source::ShopifyOrders, w.shopify_csv(), CaseBy::Record);
    assert_eq!(by_order.case_count() as u64, orders);
    // Times with " +0100" read as the instant: the first order's placement is exact.
    let first = w.customers.iter().flat_map(|c| &c.orders).next().unwrap();
    assert!(log.time_ms.contains(&first.created));
}

#[test]
fn woocommerce_orders_us_dates_refunds_and_cancellations() {
    let w = w();
    let (log, s) = read(Source::WooCommerceOrders, w.woocommerce_csv(), CaseBy::Customer);
    let (acts, chans, orders, customers) = order_truth(&w, true);
    assert_eq!(s.time_form, TimeForm::MonthFirst, "3/14/2026 shows the month comes first");
    assert_eq!(counts(&log), acts);
    assert_eq!((s.records, log.case_count() as u64), (orders, customers));
    // Upper-case e-mail addresses are the same customers as in Shopify's file.
    let (shop, _) = read(Source::ShopifyOrders, w.shopify_csv(), CaseBy::Customer);
    let mut a = log.case_names.clone();
    let mut b = shop.case_names.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    let got = by_channel(&log);
    assert_eq!(got.get("Online shop"), chans.get("Online shop"));
    assert_eq!(got.get("Staff (admin)"), chans.get("POS"));
    let t = w.customers.iter().flat_map(|c| &c.orders).find_map(|o| o.cancelled).unwrap();
    assert!(log.time_ms.contains(&t));
}

fn ticket_truth(w: &World) -> (u64, u64, BTreeMap<String, u64>, BTreeMap<String, u64>, u64) {
    let (mut opened, mut solved, mut customers) = (0, 0, 0);
    let mut chans = BTreeMap::new();
    let mut reasons = BTreeMap::new();
    for c in &w.customers {
        customers += !c.tickets.is_empty() as u64;
        for t in &c.tickets {
            opened += 1;
            solved += t.solved.is_some() as u64;
            *chans.entry(t.channel.to_string()).or_default() += 1;
            *reasons.entry(t.reason.to_string()).or_default() += 1;
        }
    }
    (opened, solved, chans, reasons, customers)
}

#[test]
fn zendesk_and_freshdesk_tickets_give_opened_solved_channels_and_reasons() {
    let w = w();
    let (opened, solved, chans, reasons, customers) = ticket_truth(&w);
    for (source, csv) in [(Source::ZendeskTickets, w.zendesk_csv()), (Source::FreshdeskTickets, w.freshdesk_csv())] {
        let (log, s) = read(source, csv, CaseBy::Customer);
        let c = counts(&log);
        assert_eq!((c["Ticket opened"], c.get("Ticket solved").copied().unwrap_or(0)), (opened, solved), "{source:?}");
        assert_eq!(log.case_count() as u64, customers, "{source:?}");
        let got: BTreeMap<String, u64> = s.contacts.by_channel.iter().cloned().collect();
        assert_eq!(got, chans, "{source:?}");
        let got: BTreeMap<String, u64> = s.contacts.by_reason.iter().map(|(r, n)| (r.to_lowercase(), *n)).collect();
        assert_eq!(got, reasons, "{source:?}");
    }
}

fn web_truth(w: &World) -> (u64, u64, BTreeMap<String, u64>) {
    let mut acts = BTreeMap::new();
    let mut sessions = 0;
    for c in &w.customers {
        for s in &c.sessions {
            sessions += 1;
            for (n, _) in &s.events {
                *acts.entry(n.to_string()).or_default() += 1;
            }
        }
    }
    (sessions, w.customers.len() as u64, acts)
}

#[test]
fn ga4_and_matomo_sessions_by_column_by_idle_time_and_per_customer() {
    let w = w();
    let (sessions, customers, acts) = web_truth(&w);
    for (source, csv) in [(Source::Ga4Flat, w.ga4_csv(true)), (Source::Ga4Flat, w.ga4_csv(false)), (Source::MatomoActions, w.matomo_csv())] {
        let (log, _) = read(source, csv.clone(), CaseBy::Record);
        assert_eq!(counts(&log), acts, "{source:?}");
        assert_eq!(log.case_count() as u64, sessions, "{source:?}: one case per session column value");
        let (idle, _) = read(source, csv.clone(), CaseBy::Idle { minutes: 30 });
        assert_eq!(idle.case_count() as u64, sessions, "{source:?}: sessions are days apart");
        let (per_customer, _) = read(source, csv, CaseBy::Customer);
        assert_eq!(per_customer.case_count() as u64, customers, "{source:?}");
    }
    // Idle splitting on its own: a 1-minute idle time cuts every session after each
    // event (events are 2 minutes apart), so each event is its own case.
    let (each, _) = read(Source::Ga4Flat, w.ga4_csv(false), CaseBy::Idle { minutes: 1 });
    assert_eq!(each.case_count(), each.event_count());
    // The GA4 source / medium is the channel.
    let (log, _) = read(Source::Ga4Flat, w.ga4_csv(false), CaseBy::Record);
    assert!(log.channel_names.iter().any(|c| c == "google / organic"));
    let (m, _) = read(Source::MatomoActions, w.matomo_csv(), CaseBy::Record);
    assert!(m.channel_names.iter().any(|c| c == "Search engine"));
}

#[test]
fn filters_drop_rename_merge_and_date_range() {
    let w = w();
    let (sessions, _, acts) = web_truth(&w);
    let mut o = SourceOptions::new(Source::Ga4Flat, CaseBy::Record);
    o.filters = Filters {
        drop: vec!["page_view".into()],
        rename: vec![("begin_checkout".into(), "Checkout".into()), ("purchase".into(), "Checkout".into())],
        ..Filters::default()
    };
    let (log, s) = read_source(w.ga4_csv(false).into_bytes(), &o).unwrap();
    let c = counts(&log);
    assert!(!c.contains_key("page_view"));
    assert_eq!(c["Checkout"], acts["begin_checkout"] + acts.get("purchase").copied().unwrap_or(0));
    assert_eq!(s.filtered, acts["page_view"]);
    assert!(log.case_count() as u64 <= sessions);
    // Date range: only the first week.
    let start = w.customers.iter().flat_map(|c| &c.sessions).flat_map(|s| &s.events).map(|e| e.1).min().unwrap();
    let week = start + 7 * 86_400_000;
    o.filters = Filters { from_ms: Some(start), to_ms: Some(week), ..Filters::default() };
    let (log, _) = read_source(w.ga4_csv(false).into_bytes(), &o).unwrap();
    let expected = w.customers.iter().flat_map(|c| &c.sessions).flat_map(|s| &s.events).filter(|e| e.1 < week).count();
    assert_eq!(log.event_count(), expected);
}

#[test]
fn e_mail_addresses_are_hashed_with_the_key_before_anything_is_kept() {
    let w = w();
    let mut o = SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer);
    o.key = Some("00112233445566778899aabbccddeeff".into());
    let (log, _) = read_source(w.shopify_csv().into_bytes(), &o).unwrap();
    assert!(log.case_names.iter().all(|c| c.starts_with("h:") && !c.contains('@')));
    o.source = Source::WooCommerceOrders;
    let (woo, _) = read_source(w.woocommerce_csv().into_bytes(), &o).unwrap();
    let mut a = log.case_names.clone();
    let mut b = woo.case_names.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same key hashes the same customers alike across files");
}

#[test]
fn a_file_that_does_not_fit_its_preset_names_the_missing_column_and_the_first_bad_line() {
    let w = w();
    let e = read_source(w.zendesk_csv().into_bytes(), &SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer)).unwrap_err();
    assert_eq!(e, ImportError::MissingColumn { role: "record".into(), name: "Name".into() });
    let mut csv = w.freshdesk_csv();
    csv.push_str("9999,x,Open,Low,Email,Question,a,b,yesterday,,,,,,,1,x@example.com\n");
    let (_, s) = read(Source::FreshdeskTickets, csv.clone(), CaseBy::Customer);
    let last_line = csv.lines().count() as u64;
    assert_eq!(s.first_issues[0].line, last_line);
    assert!(s.first_issues[0].message(Lang::En).contains("yesterday"));
}

#[test]
fn the_hub_joins_orders_tickets_and_sessions_per_customer() {
    use journey_core::analytics::sources::join_sources;
    let w = w();
    let key = Some("6b6579".to_string());
    let opts = |source| SourceOptions { key: key.clone(), ..SourceOptions::new(source, CaseBy::Customer) };
    let inputs = vec![
        (w.shopify_csv().into_bytes(), opts(Source::ShopifyOrders)),
        (w.zendesk_csv().into_bytes(), opts(Source::ZendeskTickets)),
        (w.ga4_csv(false).into_bytes(), opts(Source::Ga4Flat)),
    ];
    let (log, hub) = join_sources(inputs, CaseBy::Customer).unwrap();
    // Truth from the world: customers with orders log in on the web (GA4 user_id), so
    // their sessions join their orders; tickets join by e-mail.
    let with_orders = w.customers.iter().filter(|c| !c.orders.is_empty()).count() as u64;
    let orders_and_tickets = w.customers.iter().filter(|c| !c.orders.is_empty() && !c.tickets.is_empty()).count() as u64;
    let tickets_only = w.customers.iter().filter(|c| c.orders.is_empty() && !c.tickets.is_empty()).count() as u64;
    assert_eq!(hub.pairs, vec![(0, 1, orders_and_tickets), (0, 2, with_orders), (1, 2, orders_and_tickets)]);
    assert_eq!(hub.matched, with_orders, "every ordering customer has sessions too");
    // Every customer is one case (web-only customers by their GA4 browser id; a
    // tickets-only customer by e-mail and by browser id: two keys, as nothing joins them).
    assert_eq!(hub.customers, w.customers.len() as u64 + tickets_only);
    assert_eq!(log.case_count() as u64, hub.customers);
    // One customer's journey, known by construction: sessions, orders and tickets in time order.
    let c = w.customers.iter().find(|c| !c.orders.is_empty() && !c.tickets.is_empty()).unwrap();
    let mut expected: Vec<(i64, String)> = Vec::new();
    for s in &c.sessions {
        expected.extend(s.events.iter().map(|(n, t)| (*t, n.to_string())));
    }
    for o in &c.orders {
        for (name, t) in [("Order placed", Some(o.created)), ("Paid", o.paid), ("Fulfilled", o.fulfilled), ("Cancelled", o.cancelled)] {
            if let Some(t) = t {
                expected.push((t, name.to_string()));
            }
        }
    }
    for t in &c.tickets {
        expected.push((t.created, "Ticket opened".into()));
        if let Some(s) = t.solved {
            expected.push((s, "Ticket solved".into()));
        }
    }
    expected.sort();
    let case = log.case_names.iter().position(|n| *n == journey_core::analytics::sources::pseudonym::customer_key(&c.email, Some(b"key"))).unwrap();
    let got: Vec<(i64, String)> = log.case_range(case).map(|i| (log.time_ms[i], log.activity_names[log.activity[i] as usize].clone())).collect();
    assert_eq!(got, expected);
    assert!(log.case_names.iter().all(|n| !n.contains('@')), "no e-mail address in the joined log");
}

#[test]
fn the_worker_session_imports_a_source_and_a_hub_from_one_buffer() {
    use journey_core::analytics::session::{Reply, Request, Session};
    use journey_core::analytics::sources::{import_hub_into, import_source_into};
    use journey_core::analytics::AnalysisOptions;
    let w = w();
    let (shop, tickets) = (w.shopify_csv().into_bytes(), w.zendesk_csv().into_bytes());
    let sources = vec![SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer), SourceOptions::new(Source::ZendeskTickets, CaseBy::Customer)];
    // The request travels as JSON; the files beside it as one buffer.
    let request = Request::ImportHub {
        sources: sources.clone(),
        lengths: vec![shop.len() as u64, tickets.len() as u64],
        options: AnalysisOptions::default(),
        lang: Lang::En,
        map: None,
    };
    let Request::ImportHub { sources, lengths, .. } = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap() else { panic!() };
    let mut s = Session::new();
    let reply = import_hub_into(&mut s, [shop.clone(), tickets].concat(), &lengths, &sources, &AnalysisOptions::default(), None, Lang::En, &|| 0.0);
    let Reply::Imported { summary, report, .. } = reply else { panic!("{reply:?}") };
    let both = w.customers.iter().filter(|c| !c.orders.is_empty() && !c.tickets.is_empty()).count() as u64;
    assert_eq!(summary.hub.unwrap().matched, both);
    assert_eq!(report.cases, w.customers.iter().filter(|c| !c.orders.is_empty() || !c.tickets.is_empty()).count() as u64);
    let reply = import_source_into(&mut s, shop, &SourceOptions::new(Source::ShopifyOrders, CaseBy::Record), &AnalysisOptions::default(), None, Lang::En, &|| 0.0);
    let Reply::Imported { summary, .. } = reply else { panic!("{reply:?}") };
    assert_eq!(summary.source.unwrap().records, w.customers.iter().map(|c| c.orders.len() as u64).sum::<u64>());
    // A bad file in the hub is named by its place.
    let reply = import_hub_into(&mut s, b"a,b\n1,2\n".to_vec(), &[8], &sources[..1], &AnalysisOptions::default(), None, Lang::En, &|| 0.0);
    let Reply::Failed { message } = reply else { panic!() };
    assert!(message.starts_with("File 1:") && message.contains("“Name”"), "{message}");
}
