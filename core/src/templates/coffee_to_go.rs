//! The example map every new library starts with: "Coffee to go" / "Kaffee zum Mitnehmen".
//! A commuter notices a café on social media, a review portal and an influencer post,
//! orders ahead in the app, picks up and pays in the store, collects loyalty points,
//! writes a review and comes back. Realistic enough to show every feature on first start.

use crate::model::{Channel, ContactClass, ContactReason, EvidenceKind, JourneyMap, Lang, RouteKind, DEFAULT_STAGES};

use super::builder::{build, PersonaSpec, TemplateSpec, Tr, TpSpec, TP};

const MEASURED_SOURCE: Tr = ("App analytics export, October", "App-Analytics-Export, Oktober");

/// The touchpoints; indices are used by the routes below. Lena takes the app route, Tom
/// finds the café by its reviews.
const TOUCHPOINTS: &[TpSpec] = &[
    TpSpec { stage: 0, title: ("Sees a latte-art post", "Sieht einen Latte-Art-Post"), channel: Channel::SocialMedia,
         action: ("Scrolls Instagram on the train", "Scrollt im Zug durch Instagram"),
         thoughts: ("That looks good — where is that?", "Sieht gut aus — wo ist das?"), emotion: 1,
         pains: &[], opportunities: &[("Show the address in every post", "Adresse in jedem Post zeigen")],
         owner: ("Marketing", "Marketing"), volume: Some(12000.0), drop_off: Some(0.8), csat: None,
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 0, title: ("Checks the rating", "Prüft die Bewertung"), channel: Channel::ReviewPortal,
         action: ("Looks the café up on a review portal", "Sucht das Café in einem Bewertungsportal"),
         thoughts: ("4.6 stars, people like it", "4,6 Sterne, kommt gut an"), emotion: 1,
         pains: &[("Old photos of the shop", "Alte Fotos vom Laden")], opportunities: &[("Answer reviews weekly", "Bewertungen wöchentlich beantworten")],
         owner: ("Shop manager", "Filialleitung"), volume: None, drop_off: None, csat: None,
         personas: &[0, 1], ..TP },
    TpSpec { stage: 0, title: ("Influencer story", "Influencer-Story"), channel: Channel::Influencer,
         action: ("Watches a local food influencer's story", "Sieht die Story einer lokalen Food-Influencerin"),
         thoughts: ("A discount code — nice", "Ein Rabattcode — schön"), emotion: 2,
         pains: &[], opportunities: &[], owner: ("Marketing", "Marketing"),
         volume: None, drop_off: None, csat: None,
         personas: &[1], ..TP },
    TpSpec { stage: 1, title: ("Installs the app", "Installiert die App"), channel: Channel::App,
         action: ("Downloads the app and signs up", "Lädt die App und registriert sich"),
         thoughts: ("Why do they need my birthday?", "Wozu brauchen die meinen Geburtstag?"), emotion: -1,
         pains: &[("Sign-up form too long", "Registrierung zu lang")], opportunities: &[("Order as guest", "Als Gast bestellen")],
         owner: ("Digital team", "Digitalteam"), volume: Some(2400.0), drop_off: Some(0.35), csat: None,
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 1, title: ("Browses the menu", "Stöbert in der Karte"), channel: Channel::App,
         action: ("Compares drinks and prices", "Vergleicht Getränke und Preise"),
         thoughts: ("Oat milk costs extra?", "Hafermilch kostet extra?"), emotion: 0,
         pains: &[("Extras priced only at checkout", "Aufpreise erst an der Kasse sichtbar")], opportunities: &[],
         owner: ("Digital team", "Digitalteam"), volume: Some(1560.0), drop_off: Some(0.1), csat: None,
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 2, title: ("Orders ahead", "Bestellt vorab"), channel: Channel::App,
         action: ("Orders a flat white for 7:55", "Bestellt einen Flat White für 7:55"),
         thoughts: ("Easy, it'll be ready", "Einfach, wird fertig sein"), emotion: 2,
         pains: &[], opportunities: &[], owner: ("Digital team", "Digitalteam"),
         volume: Some(1400.0), drop_off: Some(0.05), csat: Some(4.5),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, importance: 5, contact: Some((ContactClass::ValueAdding, ContactReason::Order)), personas: &[0], ..TP },
    TpSpec { stage: 2, title: ("Pays in the app", "Bezahlt in der App"), channel: Channel::App,
         action: ("Pays with a card stored in the app", "Bezahlt mit hinterlegter Karte"),
         thoughts: ("Card declined? Try again…", "Karte abgelehnt? Nochmal…"), emotion: -1,
         pains: &[("Payment fails now and then", "Zahlung scheitert ab und zu")], opportunities: &[("Offer PayPal and Apple Pay", "PayPal und Apple Pay anbieten")],
         owner: ("Payment provider", "Zahlungsdienstleister"), volume: Some(1330.0), drop_off: Some(0.04), csat: Some(3.6),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 3, title: ("Picks up in the store", "Holt in der Filiale ab"), channel: Channel::Store,
         action: ("Walks to the pick-up shelf", "Geht zum Abholregal"),
         thoughts: ("Which cup is mine?", "Welcher Becher ist meiner?"), emotion: 0,
         pains: &[("Names on cups hard to read", "Namen auf Bechern schwer lesbar")], opportunities: &[("Order number on a screen", "Bestellnummer auf einem Bildschirm")],
         owner: ("Shop team", "Filialteam"), volume: Some(1277.0), drop_off: None, csat: Some(4.1),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0, 1], ..TP },
    TpSpec { stage: 3, title: ("Asks where the order is", "Fragt nach der Bestellung"), channel: Channel::ServiceDesk,
         action: ("Asks the barista because the drink isn't there", "Fragt die Barista, weil das Getränk fehlt"),
         thoughts: ("I'll miss my train", "Ich verpasse meinen Zug"), emotion: -2,
         pains: &[("Order not ready at the promised time", "Bestellung zur zugesagten Zeit nicht fertig")], opportunities: &[("Push message when ready", "Push-Nachricht, wenn fertig")],
         owner: ("Shop team", "Filialteam"), volume: Some(190.0), drop_off: None, csat: None,
         evidence: EvidenceKind::Reported, source: ("Shop team tally", "Strichliste Filialteam"), importance: 5, contact: Some((ContactClass::Disruptive, ContactReason::Service)), personas: &[0], ..TP },
    TpSpec { stage: 4, title: ("Collects loyalty points", "Sammelt Treuepunkte"), channel: Channel::App,
         action: ("Sees points added after pick-up", "Sieht nach der Abholung die gutgeschriebenen Punkte"),
         thoughts: ("Two more and the next one is free", "Noch zwei, dann ist der nächste gratis"), emotion: 1,
         pains: &[], opportunities: &[], owner: ("CRM", "CRM"),
         volume: Some(1100.0), drop_off: None, csat: None,
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 4, title: ("Writes a review", "Schreibt eine Bewertung"), channel: Channel::ReviewPortal,
         action: ("Rates the café after the third visit", "Bewertet das Café nach dem dritten Besuch"),
         thoughts: ("They deserve five stars", "Die haben fünf Sterne verdient"), emotion: 1,
         pains: &[], opportunities: &[("Ask for a review in the app", "In der App um eine Bewertung bitten")],
         owner: ("Marketing", "Marketing"), volume: Some(85.0), drop_off: None, csat: None,
         personas: &[0, 1], ..TP },
    TpSpec { stage: 4, title: ("Morning offer", "Morgen-Angebot"), channel: Channel::App,
         action: ("Gets a push offer at 7:15 and orders again", "Bekommt um 7:15 ein Push-Angebot und bestellt wieder"),
         thoughts: ("Same as yesterday, please", "Wie gestern, bitte"), emotion: 1,
         pains: &[("Too many pushes on weekends", "Zu viele Pushes am Wochenende")], opportunities: &[],
         owner: ("CRM", "CRM"), volume: Some(700.0), drop_off: None, csat: None,
         personas: &[0], ..TP },
    // Behind the counter: nobody has rated this step yet.
    TpSpec { stage: 3, title: ("Barista prepares the order", "Barista bereitet die Bestellung zu"), channel: Channel::Store,
         action: ("Order appears on the bar printer", "Bestellung erscheint am Bon-Drucker"),
         owner: ("Shop team", "Filialteam"), backstage: true, rated: false, ..TP },
];

const SPEC: TemplateSpec = TemplateSpec {
    name: ("Coffee to go", "Kaffee zum Mitnehmen"),
    description: ("A commuter discovers our café, orders ahead in the app, picks up on the way to work and comes back.",
            "Eine Pendlerin entdeckt unser Café, bestellt vorab in der App, holt auf dem Weg zur Arbeit ab und kommt wieder.",),
    stages: &DEFAULT_STAGES,
    personas: &[
        PersonaSpec {
            name: ("Lena, commuter", "Lena, Pendlerin"),
            background: ("29, office job, takes the 7:40 train", "29, Bürojob, nimmt den Zug um 7:40"),
            goals: &[("Good coffee without waiting", "Guter Kaffee ohne Wartezeit")],
            needs: &[("Reliable pick-up time", "Verlässliche Abholzeit")],
            pains: &[("Queues in the morning", "Schlangen am Morgen")],
            channels: &[Channel::App, Channel::SocialMedia],
            segment: ("Commuters", "Pendler"),
        },
        PersonaSpec {
            name: ("Tom, student", "Tom, Student"),
            background: ("22, studies nearby, price-conscious", "22, studiert in der Nähe, preisbewusst"),
            goals: &[("Cheap coffee between lectures", "Günstiger Kaffee zwischen Vorlesungen")],
            needs: &[("Discounts and points", "Rabatte und Punkte")],
            pains: &[("Apps that want too much data", "Apps, die zu viele Daten wollen")],
            channels: &[Channel::Store, Channel::ReviewPortal],
            segment: ("Students", "Studierende"),
        },
    ],
    touchpoints: TOUCHPOINTS,
    // The planned route, its alternatives, and a circle: the morning offer leads to the
    // next order.
    routes: &[
        (0, 3, RouteKind::Planned), (3, 4, RouteKind::Planned), (4, 5, RouteKind::Planned), (5, 6, RouteKind::Planned), (6, 7, RouteKind::Planned), (7, 9, RouteKind::Planned), (9, 11, RouteKind::Planned),
        (1, 3, RouteKind::Alternative), (2, 3, RouteKind::Alternative), (7, 8, RouteKind::Alternative), (8, 9, RouteKind::Alternative), (9, 10, RouteKind::Alternative), (11, 5, RouteKind::LoopBack),
    ],
    cost_per_contact: None,
};

/// The example map in `lang`, with the given id and creation time.
pub fn coffee_to_go(id: impl Into<String>, now_ms: f64, lang: Lang) -> JourneyMap {
    build(&SPEC, id, now_ms, lang)
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
