//! Sample files in each source's real column layout with journeys known by construction:
//! a seeded [`World`] of customers with their orders, tickets and web sessions, written
//! as a Shopify orders export, a WooCommerce orders export, Zendesk and Freshdesk ticket
//! exports, a flattened GA4 BigQuery export and Matomo's joined raw tables. Tests import
//! each file and compare with the world itself (never with the reader's own output).
//! `journey-analyze sample SOURCE` writes them for people trying the presets.

use std::fmt::Write;

use crate::analytics::generator::SplitMix64;
use crate::locale::Date;

/// 2026-03-02T00:00:00Z: the generated months start here.
const T0: i64 = 1_772_409_600_000;
const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// One order; times in ms (whole minutes, so every layout can write them exactly).
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub number: u32,
    pub created: i64,
    pub paid: Option<i64>,
    pub fulfilled: Option<i64>,
    pub cancelled: Option<i64>,
    pub refunded: Option<i64>,
    /// Shopify's `Source` (`web`, `pos`).
    pub source: &'static str,
    pub line_items: u32,
}

/// One helpdesk ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: u32,
    pub created: i64,
    pub solved: Option<i64>,
    /// The channel as shown after reading ("E-mail", "Web form", "Chat", "Phone").
    pub channel: &'static str,
    /// The contact reason (ticket type).
    pub reason: &'static str,
}

/// One web session: GA4 event names with times.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: u64,
    pub events: Vec<(&'static str, i64)>,
    pub source: &'static str,
    pub medium: &'static str,
    pub device: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub email: String,
    pub ga_id: String,
    pub visitor: String,
    pub orders: Vec<Order>,
    pub tickets: Vec<Ticket>,
    pub sessions: Vec<Session>,
}

/// The generated customers: every file is written from this, every test checks against it.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    pub customers: Vec<Customer>,
}

/// (Zendesk `Via`, Freshdesk `Source`, channel after reading).
const TICKET_CHANNELS: [(&str, &str, &str); 4] =
    [("Mail", "Email", "E-mail"), ("Web Form", "Portal", "Web form"), ("Chat", "Chat", "Chat"), ("Phone call (incoming)", "Phone", "Phone")];
const REASONS: [&str; 3] = ["question", "incident", "problem"];
const WEB_SOURCES: [(&str, &str); 3] = [("google", "organic"), ("newsletter", "email"), ("(direct)", "(none)")];
const DEVICES: [&str; 2] = ["desktop", "mobile"];
/// A session's steps; each session walks a prefix of this.
pub const WEB_STEPS: [&str; 5] = ["page_view", "view_item", "add_to_cart", "begin_checkout", "purchase"];

/// `customers` customers from `seed`.
pub fn world(customers: usize, seed: u64) -> World {
    let mut rng = SplitMix64::new(seed);
    let mut order_no = 1000;
    let mut ticket_no = 500;
    let mut out = Vec::with_capacity(customers);
    for c in 0..customers {
        let mut orders = Vec::new();
        let mut tickets = Vec::new();
        let mut sessions = Vec::new();
        // Spread over four weeks so days above 12 occur (the date order is detectable).
        let mut t = T0 + rng.below(28) as i64 * DAY + (8 + rng.below(10) as i64) * HOUR + rng.below(60) as i64 * MIN;
        for s in 0..1 + rng.below(3) {
            let steps = 1 + rng.below(WEB_STEPS.len() as u64) as usize;
            let events = (0..steps).map(|k| (WEB_STEPS[k], t + k as i64 * 2 * MIN)).collect();
            let (source, medium) = WEB_SOURCES[rng.below(3) as usize];
            sessions.push(Session { id: 1_772_400_000 + (c * 10 + s as usize) as u64, events, source, medium, device: DEVICES[rng.below(2) as usize] });
            t += (2 + rng.below(5) as i64) * DAY;
        }
        for _ in 0..rng.below(3) {
            order_no += 1;
            let created = t;
            let paid = rng.chance(0.85).then(|| created + (1 + rng.below(30) as i64) * MIN);
            let fulfilled = paid.filter(|_| rng.chance(0.8)).map(|p| p + (1 + rng.below(3) as i64) * DAY);
            let cancelled = paid.is_none().then(|| created + (1 + rng.below(48) as i64) * HOUR);
            let refunded = fulfilled.filter(|_| rng.chance(0.2)).map(|f| f + (3 + rng.below(5) as i64) * DAY);
            let source = if rng.chance(0.8) { "web" } else { "pos" };
            orders.push(Order { number: order_no, created, paid, fulfilled, cancelled, refunded, source, line_items: 1 + rng.below(3) as u32 });
            t += (1 + rng.below(4) as i64) * DAY;
        }
        for _ in 0..rng.below(3) {
            ticket_no += 1;
            let created = t;
            let solved = rng.chance(0.75).then(|| created + (1 + rng.below(72) as i64) * HOUR);
            let channel = TICKET_CHANNELS[rng.below(4) as usize].2;
            tickets.push(Ticket { id: ticket_no, created, solved, channel, reason: REASONS[rng.below(3) as usize] });
            t += (1 + rng.below(3) as i64) * DAY;
        }
        out.push(Customer {
            email: format!("Customer{c}@Example.com"),
            ga_id: format!("{}.{}", 1_000_000_000 + rng.below(999_999_999), 1_772_000_000 + c as u64),
            visitor: format!("{:016x}", rng.next_u64()),
            orders,
            tickets,
            sessions,
        });
    }
    World { customers: out }
}

/// A CSV cell, quoted when it must be.
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

fn civil(ms: i64) -> (Date, i64, i64, i64) {
    let day = ms.div_euclid(DAY);
    let rest = ms.rem_euclid(DAY) / 1000;
    (Date::from_days(day), rest / 3600, rest / 60 % 60, rest % 60)
}

/// `2026-03-02 10:15:00`
fn ymd_hms(ms: i64) -> String {
    let (d, h, m, s) = civil(ms);
    format!("{:04}-{:02}-{:02} {h:02}:{m:02}:{s:02}", d.year, d.month, d.day)
}

/// Shopify: local time with its offset after a space, `2026-03-02 11:15:00 +0100`.
fn shopify_time(ms: i64) -> String {
    format!("{} +0100", ymd_hms(ms + HOUR))
}

/// US form as WooCommerce export plugins write it: `3/2/2026 10:15`.
fn us_time(ms: i64) -> String {
    let (d, h, m, _) = civil(ms);
    format!("{}/{}/{} {h}:{m:02}", d.month, d.day, d.year)
}

fn opt(v: Option<i64>, f: fn(i64) -> String) -> String {
    v.map(f).unwrap_or_default()
}

impl World {
    /// The same customers `days` later (every order, ticket and session moved alike): the
    /// next period's export of a shop with the same kind of customers.
    pub fn shifted(mut self, days: i64) -> World {
        let d = days * DAY;
        for c in &mut self.customers {
            for o in &mut c.orders {
                o.created += d;
                for t in [&mut o.paid, &mut o.fulfilled, &mut o.cancelled, &mut o.refunded].into_iter().flatten() {
                    *t += d;
                }
            }
            for t in &mut c.tickets {
                t.created += d;
                if let Some(s) = &mut t.solved {
                    *s += d;
                }
            }
            for s in &mut c.sessions {
                for e in &mut s.events {
                    e.1 += d;
                }
            }
        }
        self
    }

    /// Shopify admin → Orders → Export: one row per line item, the order's fields on its
    /// first row only (as Shopify writes them), a selection of the real columns.
    pub fn shopify_csv(&self) -> String {
        let mut s = String::from(
            "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,\
             Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,\
             Billing Name,Cancelled at,Payment Method,Refunded Amount,Id,Tags,Source\n",
        );
        for c in &self.customers {
            for o in &c.orders {
                for li in 0..o.line_items {
                    let item = format!("Mug {}", li + 1);
                    if li == 0 {
                        let financial = if o.refunded.is_some() { "refunded" } else if o.paid.is_some() { "paid" } else { "pending" };
                        let _ = writeln!(
                            s,
                            "#{},{},{financial},{},{},{},no,EUR,12.00,4.90,2.28,16.90,,0.00,Standard,{},1,{item},12.00,MUG-{li},{},{},Credit card,{},{},,{}",
                            o.number,
                            c.email,
                            opt(o.paid, shopify_time),
                            if o.fulfilled.is_some() { "fulfilled" } else { "unfulfilled" },
                            opt(o.fulfilled, shopify_time),
                            shopify_time(o.created),
                            cell("Anna Example"),
                            opt(o.cancelled, shopify_time),
                            if o.refunded.is_some() { "16.90" } else { "0.00" },
                            5_000_000_000u64 + o.number as u64,
                            o.source,
                        );
                    } else {
                        let _ = writeln!(s, "#{},{},,,,,,,,,,,,,,,1,{item},12.00,MUG-{li},,,,,,,", o.number, c.email);
                    }
                }
            }
        }
        s
    }

    /// WooCommerce orders with field keys (Advanced Order Export): one row per order, US
    /// dates; a cancelled order carries its cancellation in `modified_date`.
    pub fn woocommerce_csv(&self) -> String {
        let mut s = String::from(
            "order_id,order_number,order_status,order_date,paid_date,completed_date,first_refund_date,modified_date,customer_user,\
             billing_first_name,billing_last_name,billing_email,payment_method_title,order_total,created_via\n",
        );
        for (k, c) in self.customers.iter().enumerate() {
            for o in &c.orders {
                let status = if o.refunded.is_some() {
                    "refunded"
                } else if o.cancelled.is_some() {
                    "cancelled"
                } else if o.fulfilled.is_some() {
                    "completed"
                } else {
                    "processing"
                };
                let modified = [o.created, o.paid.unwrap_or(0), o.fulfilled.unwrap_or(0), o.cancelled.unwrap_or(0), o.refunded.unwrap_or(0)]
                    .into_iter()
                    .max()
                    .unwrap_or(o.created);
                let _ = writeln!(
                    s,
                    "{},{},{status},{},{},{},{},{},{},Anna,Example,{},Credit Card,16.90,{}",
                    o.number,
                    o.number,
                    us_time(o.created),
                    opt(o.paid, us_time),
                    opt(o.fulfilled, us_time),
                    opt(o.refunded, us_time),
                    us_time(modified),
                    100 + k,
                    c.email.to_uppercase(),
                    if o.source == "web" { "checkout" } else { "admin" },
                );
            }
        }
        s
    }

    /// Zendesk Support ticket export (a selection of its columns).
    pub fn zendesk_csv(&self) -> String {
        let mut s = String::from(
            "Id,Requester,Requester id,Requester email,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,\
             Assigned at,Solved at,Satisfaction Score\n",
        );
        for (k, c) in self.customers.iter().enumerate() {
            for t in &c.tickets {
                let via = TICKET_CHANNELS.iter().find(|x| x.2 == t.channel).map_or("", |x| x.0);
                let _ = writeln!(
                    s,
                    "{},Anna Example,{},{},Sam Agent,Support,Where is my order,{} shipping,{},normal,{via},{},{},{},{},{},{}",
                    t.id,
                    90_000 + k,
                    c.email,
                    t.reason,
                    if t.solved.is_some() { "solved" } else { "open" },
                    t.reason,
                    ymd_hms(t.created),
                    ymd_hms(t.solved.unwrap_or(t.created)),
                    ymd_hms(t.created + 10 * MIN),
                    opt(t.solved, ymd_hms),
                    if t.solved.is_some() { "Good" } else { "Unoffered" },
                );
            }
        }
        s
    }

    /// Freshdesk Tickets → Export (a selection of its columns).
    pub fn freshdesk_csv(&self) -> String {
        let mut s = String::from(
            "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,\
             Last update time,Tags,Full name,Contact ID,Email\n",
        );
        for (k, c) in self.customers.iter().enumerate() {
            for t in &c.tickets {
                let source = TICKET_CHANNELS.iter().find(|x| x.2 == t.channel).map_or("", |x| x.1);
                let _ = writeln!(
                    s,
                    "{},Where is my order,{},Medium,{source},{},Sam Agent,Support,{},{},{},{},{},shipping,Anna Example,{},{}",
                    t.id,
                    if t.solved.is_some() { "Resolved" } else { "Open" },
                    capital(t.reason),
                    ymd_hms(t.created),
                    ymd_hms(t.created + 3 * DAY),
                    opt(t.solved, ymd_hms),
                    opt(t.solved, ymd_hms),
                    ymd_hms(t.solved.unwrap_or(t.created)),
                    70_000 + k,
                    c.email,
                );
            }
        }
        s
    }

    /// GA4's BigQuery export flattened (sql/presets): one row per event, the timestamp in
    /// microseconds; with or without `event_date` (YYYYMMDD, UTC here).
    pub fn ga4_csv(&self, with_event_date: bool) -> String {
        let mut s = String::new();
        if with_event_date {
            s.push_str("event_date,");
        }
        s.push_str("event_timestamp,event_name,user_pseudo_id,user_id,ga_session_id,source,medium,device_category\n");
        for (k, c) in self.customers.iter().enumerate() {
            // Customers who order log in: GA4 gets the shop's login as user_id.
            let user_id = if c.orders.is_empty() { "" } else { c.email.as_str() };
            for ses in &c.sessions {
                for (name, t) in &ses.events {
                    if with_event_date {
                        let (d, ..) = civil(*t);
                        let _ = write!(s, "{:04}{:02}{:02},", d.year, d.month, d.day);
                    }
                    // Microseconds as GA4 writes them (16 digits): the ms time and three more digits.
                    let _ = writeln!(s, "{t}{:03},{name},{},{user_id},{},{},{},{}", k % 1000, c.ga_id, ses.id, ses.source, ses.medium, ses.device);
                }
            }
        }
        s
    }

    /// Matomo's log_link_visit_action joined with log_visit and log_action (sql/presets),
    /// one row per action; `server_time` in UTC as MySQL writes a DATETIME.
    pub fn matomo_csv(&self) -> String {
        let mut s = String::from("idvisit,idvisitor,user_id,server_time,action_name,action_type,referer_type,referer_name,config_device_type\n");
        for c in &self.customers {
            for ses in &c.sessions {
                let referer = match ses.medium {
                    "organic" => (2, "Google"),
                    "email" => (6, "newsletter"),
                    _ => (1, ""),
                };
                for (name, t) in &ses.events {
                    let _ = writeln!(
                        s,
                        "{},{},,{},{name},1,{},{},{}",
                        ses.id,
                        c.visitor,
                        ymd_hms(*t),
                        referer.0,
                        referer.1,
                        if ses.device == "desktop" { 0 } else { 1 }
                    );
                }
            }
        }
        s
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
