//! The example map every new library starts with: "Coffee to go" / "Kaffee zum Mitnehmen".
//! A commuter notices a café on social media, a review portal and an influencer post,
//! orders ahead in the app, picks up and pays in the store, collects loyalty points,
//! writes a review and comes back. Realistic enough to show every feature on first start.

use crate::model::{
    Channel, ContactClass, ContactReason, Evidence, EvidenceKind, JourneyMap, Lang, Opportunity,
    RouteKind, Visibility,
};

use super::builder::{t, Tr};

/// One touchpoint of the example, in both languages.
struct Tp {
    stage: usize,
    title: Tr,
    channel: Channel,
    action: Tr,
    thoughts: Tr,
    emotion: i8,
    pains: &'static [Tr],
    opportunities: &'static [Tr],
    owner: Tr,
    volume: Option<f64>,
    drop_off: Option<f64>,
    csat: Option<f64>,
    measured: bool,
}

const MEASURED_SOURCE: Tr = ("App analytics export, October", "App-Analytics-Export, Oktober");

/// The example map in `lang`, with the given id and creation time.
pub fn coffee_to_go(id: impl Into<String>, now_ms: f64, lang: Lang) -> JourneyMap {
    let mut map = JourneyMap::blank(id, t(lang, ("Coffee to go", "Kaffee zum Mitnehmen")), now_ms, lang);
    map.description = t(
        lang,
        (
            "A commuter discovers our café, orders ahead in the app, picks up on the way to work and comes back.",
            "Eine Pendlerin entdeckt unser Café, bestellt vorab in der App, holt auf dem Weg zur Arbeit ab und kommt wieder.",
        ),
    );
    let lena = map.add_persona(&t(lang, ("Lena, commuter", "Lena, Pendlerin")));
    if let Some(p) = map.personas.iter_mut().find(|p| p.id == lena) {
        p.background = t(lang, ("29, office job, takes the 7:40 train", "29, Bürojob, nimmt den Zug um 7:40"));
        p.goals = vec![t(lang, ("Good coffee without waiting", "Guter Kaffee ohne Wartezeit"))];
        p.needs = vec![t(lang, ("Reliable pick-up time", "Verlässliche Abholzeit"))];
        p.pains = vec![t(lang, ("Queues in the morning", "Schlangen am Morgen"))];
        p.preferred_channels = vec![Channel::App, Channel::SocialMedia];
        p.segment = t(lang, ("Commuters", "Pendler"));
    }
    let tom = map.add_persona(&t(lang, ("Tom, student", "Tom, Student")));
    if let Some(p) = map.personas.iter_mut().find(|p| p.id == tom) {
        p.background = t(lang, ("22, studies nearby, price-conscious", "22, studiert in der Nähe, preisbewusst"));
        p.goals = vec![t(lang, ("Cheap coffee between lectures", "Günstiger Kaffee zwischen Vorlesungen"))];
        p.needs = vec![t(lang, ("Discounts and points", "Rabatte und Punkte"))];
        p.pains = vec![t(lang, ("Apps that want too much data", "Apps, die zu viele Daten wollen"))];
        p.preferred_channels = vec![Channel::Store, Channel::ReviewPortal];
        p.segment = t(lang, ("Students", "Studierende"));
    }

    let tps = [
        Tp { stage: 0, title: ("Sees a latte-art post", "Sieht einen Latte-Art-Post"), channel: Channel::SocialMedia,
             action: ("Scrolls Instagram on the train", "Scrollt im Zug durch Instagram"),
             thoughts: ("That looks good — where is that?", "Sieht gut aus — wo ist das?"), emotion: 1,
             pains: &[], opportunities: &[("Show the address in every post", "Adresse in jedem Post zeigen")],
             owner: ("Marketing", "Marketing"), volume: Some(12000.0), drop_off: Some(0.8), csat: None, measured: true },
        Tp { stage: 0, title: ("Checks the rating", "Prüft die Bewertung"), channel: Channel::ReviewPortal,
             action: ("Looks the café up on a review portal", "Sucht das Café in einem Bewertungsportal"),
             thoughts: ("4.6 stars, people like it", "4,6 Sterne, kommt gut an"), emotion: 1,
             pains: &[("Old photos of the shop", "Alte Fotos vom Laden")], opportunities: &[("Answer reviews weekly", "Bewertungen wöchentlich beantworten")],
             owner: ("Shop manager", "Filialleitung"), volume: None, drop_off: None, csat: None, measured: false },
        Tp { stage: 0, title: ("Influencer story", "Influencer-Story"), channel: Channel::Influencer,
             action: ("Watches a local food influencer's story", "Sieht die Story einer lokalen Food-Influencerin"),
             thoughts: ("A discount code — nice", "Ein Rabattcode — schön"), emotion: 2,
             pains: &[], opportunities: &[], owner: ("Marketing", "Marketing"),
             volume: None, drop_off: None, csat: None, measured: false },
        Tp { stage: 1, title: ("Installs the app", "Installiert die App"), channel: Channel::App,
             action: ("Downloads the app and signs up", "Lädt die App und registriert sich"),
             thoughts: ("Why do they need my birthday?", "Wozu brauchen die meinen Geburtstag?"), emotion: -1,
             pains: &[("Sign-up form too long", "Registrierung zu lang")], opportunities: &[("Order as guest", "Als Gast bestellen")],
             owner: ("Digital team", "Digitalteam"), volume: Some(2400.0), drop_off: Some(0.35), csat: None, measured: true },
        Tp { stage: 1, title: ("Browses the menu", "Stöbert in der Karte"), channel: Channel::App,
             action: ("Compares drinks and prices", "Vergleicht Getränke und Preise"),
             thoughts: ("Oat milk costs extra?", "Hafermilch kostet extra?"), emotion: 0,
             pains: &[("Extras priced only at checkout", "Aufpreise erst an der Kasse sichtbar")], opportunities: &[],
             owner: ("Digital team", "Digitalteam"), volume: Some(1560.0), drop_off: Some(0.1), csat: None, measured: true },
        Tp { stage: 2, title: ("Orders ahead", "Bestellt vorab"), channel: Channel::App,
             action: ("Orders a flat white for 7:55", "Bestellt einen Flat White für 7:55"),
             thoughts: ("Easy, it'll be ready", "Einfach, wird fertig sein"), emotion: 2,
             pains: &[], opportunities: &[], owner: ("Digital team", "Digitalteam"),
             volume: Some(1400.0), drop_off: Some(0.05), csat: Some(4.5), measured: true },
        Tp { stage: 2, title: ("Pays in the app", "Bezahlt in der App"), channel: Channel::App,
             action: ("Pays with a card stored in the app", "Bezahlt mit hinterlegter Karte"),
             thoughts: ("Card declined? Try again…", "Karte abgelehnt? Nochmal…"), emotion: -1,
             pains: &[("Payment fails now and then", "Zahlung scheitert ab und zu")], opportunities: &[("Offer PayPal and Apple Pay", "PayPal und Apple Pay anbieten")],
             owner: ("Payment provider", "Zahlungsdienstleister"), volume: Some(1330.0), drop_off: Some(0.04), csat: Some(3.6), measured: true },
        Tp { stage: 3, title: ("Picks up in the store", "Holt in der Filiale ab"), channel: Channel::Store,
             action: ("Walks to the pick-up shelf", "Geht zum Abholregal"),
             thoughts: ("Which cup is mine?", "Welcher Becher ist meiner?"), emotion: 0,
             pains: &[("Names on cups hard to read", "Namen auf Bechern schwer lesbar")], opportunities: &[("Order number on a screen", "Bestellnummer auf einem Bildschirm")],
             owner: ("Shop team", "Filialteam"), volume: Some(1277.0), drop_off: None, csat: Some(4.1), measured: true },
        Tp { stage: 3, title: ("Asks where the order is", "Fragt nach der Bestellung"), channel: Channel::ServiceDesk,
             action: ("Asks the barista because the drink isn't there", "Fragt die Barista, weil das Getränk fehlt"),
             thoughts: ("I'll miss my train", "Ich verpasse meinen Zug"), emotion: -2,
             pains: &[("Order not ready at the promised time", "Bestellung zur zugesagten Zeit nicht fertig")], opportunities: &[("Push message when ready", "Push-Nachricht, wenn fertig")],
             owner: ("Shop team", "Filialteam"), volume: Some(190.0), drop_off: None, csat: None, measured: false },
        Tp { stage: 4, title: ("Collects loyalty points", "Sammelt Treuepunkte"), channel: Channel::App,
             action: ("Sees points added after pick-up", "Sieht nach der Abholung die gutgeschriebenen Punkte"),
             thoughts: ("Two more and the next one is free", "Noch zwei, dann ist der nächste gratis"), emotion: 1,
             pains: &[], opportunities: &[], owner: ("CRM", "CRM"),
             volume: Some(1100.0), drop_off: None, csat: None, measured: true },
        Tp { stage: 4, title: ("Writes a review", "Schreibt eine Bewertung"), channel: Channel::ReviewPortal,
             action: ("Rates the café after the third visit", "Bewertet das Café nach dem dritten Besuch"),
             thoughts: ("They deserve five stars", "Die haben fünf Sterne verdient"), emotion: 1,
             pains: &[], opportunities: &[("Ask for a review in the app", "In der App um eine Bewertung bitten")],
             owner: ("Marketing", "Marketing"), volume: Some(85.0), drop_off: None, csat: None, measured: false },
        Tp { stage: 4, title: ("Morning offer", "Morgen-Angebot"), channel: Channel::App,
             action: ("Gets a push offer at 7:15 and orders again", "Bekommt um 7:15 ein Push-Angebot und bestellt wieder"),
             thoughts: ("Same as yesterday, please", "Wie gestern, bitte"), emotion: 1,
             pains: &[("Too many pushes on weekends", "Zu viele Pushes am Wochenende")], opportunities: &[],
             owner: ("CRM", "CRM"), volume: Some(700.0), drop_off: None, csat: None, measured: false },
    ];

    let stage_ids: Vec<String> = map.stages.iter().map(|s| s.id.clone()).collect();
    let mut ids = Vec::new();
    for tp in tps.iter() {
        let id = map
            .add_touchpoint(&stage_ids[tp.stage], &t(lang, tp.title), tp.channel.clone())
            .expect("stage exists");
        let touch = map.touchpoint_mut(&id).expect("just added");
        touch.customer_action = t(lang, tp.action);
        touch.thoughts = t(lang, tp.thoughts);
        touch.set_emotion(Some(tp.emotion));
        touch.pain_points = tp.pains.iter().map(|p| t(lang, *p)).collect();
        touch.opportunities = tp
            .opportunities
            .iter()
            .map(|o| Opportunity { text: t(lang, *o), ..Opportunity::default() })
            .collect();
        touch.owner = t(lang, tp.owner);
        touch.measurements.volume = tp.volume;
        touch.measurements.drop_off_rate = tp.drop_off;
        touch.measurements.csat = tp.csat;
        touch.evidence = if tp.measured {
            Evidence { kind: EvidenceKind::Measured, source: t(lang, MEASURED_SOURCE) }
        } else {
            Evidence {
                kind: EvidenceKind::Assumed,
                source: t(lang, ("Team workshop", "Team-Workshop")),
            }
        };
        touch.importance = Some(3);
        ids.push(id);
    }
    // The "where is my order" question is an avoidable service contact.
    if let Some(ask) = map.touchpoint_mut(&ids[8]) {
        ask.contact_class = Some(ContactClass::Disruptive);
        ask.contact_reason = Some(ContactReason::Service);
        ask.importance = Some(5);
        ask.evidence = Evidence { kind: EvidenceKind::Reported, source: t(lang, ("Shop team tally", "Strichliste Filialteam")) };
    }
    if let Some(order) = map.touchpoint_mut(&ids[5]) {
        order.contact_class = Some(ContactClass::ValueAdding);
        order.contact_reason = Some(ContactReason::Order);
        order.importance = Some(5);
    }
    // Lena takes the app route, Tom finds the café by its reviews.
    for (i, tp) in map.touchpoints.iter_mut().enumerate() {
        match i {
            1 | 7 | 10 => tp.persona_ids = vec![lena.clone(), tom.clone()],
            2 => tp.persona_ids = vec![tom.clone()],
            _ => tp.persona_ids = vec![lena.clone()],
        }
    }
    let backstage = map.add_touchpoint(&stage_ids[3], &t(lang, ("Barista prepares the order", "Barista bereitet die Bestellung zu")), Channel::Store);
    if let Some(b) = backstage.and_then(|id| map.touchpoint_mut(&id)) {
        b.visibility = Visibility::Backstage;
        b.customer_action = t(lang, ("Order appears on the bar printer", "Bestellung erscheint am Bon-Drucker"));
        b.owner = t(lang, ("Shop team", "Filialteam"));
    }

    let planned = [(0, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9), (9, 11)];
    for (a, b) in planned {
        map.add_route(&ids[a], &ids[b], RouteKind::Planned);
    }
    for (a, b) in [(1, 3), (2, 3), (7, 8), (8, 9), (9, 10)] {
        map.add_route(&ids[a], &ids[b], RouteKind::Alternative);
    }
    // The journey runs in a circle: the morning offer leads to the next order.
    map.add_route(&ids[11], &ids[5], RouteKind::LoopBack);
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{parse_map, to_json};

    #[test]
    fn example_exists_in_both_languages_with_the_same_shape() {
        let en = coffee_to_go("ex", 0.0, Lang::En);
        let de = coffee_to_go("ex", 0.0, Lang::De);
        assert_eq!(en.name, "Coffee to go");
        assert_eq!(de.name, "Kaffee zum Mitnehmen");
        assert_eq!(en.touchpoints.len(), de.touchpoints.len());
        assert_eq!(en.routes.len(), de.routes.len());
        assert!(en.touchpoints.iter().zip(&de.touchpoints).any(|(a, b)| a.title != b.title));
    }

    #[test]
    fn example_has_a_loop_back_and_measured_numbers() {
        let m = coffee_to_go("ex", 0.0, Lang::En);
        assert!(m.routes.iter().any(|r| r.kind == RouteKind::LoopBack));
        assert!(m.touchpoints.iter().any(|t| t.evidence.kind == EvidenceKind::Measured));
        assert!(m.touchpoints.iter().any(|t| !t.pain_points.is_empty()));
        assert_eq!(parse_map(&to_json(&m)).unwrap(), m);
        for r in &m.routes {
            assert!(m.touchpoint(&r.from).is_some() && m.touchpoint(&r.to).is_some());
        }
    }
}
