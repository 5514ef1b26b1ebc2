//! Example map "Running shoes online" / "Laufschuhe online": the touchpoint illusion in
//! practice. Every touchpoint feels good (positive emotions, high CSAT and CES), yet the
//! planned route from the ad to the order loses customers at every step, so only about 20 %
//! complete the journey. The scores must say so (see `score::score_map`). The main route
//! ends at the goal, the order confirmation (what a shop log records as the purchase, so
//! the analytics page takes the goal from it); parcel and newsletter come after the goal.

use crate::model::{Channel, ContactClass, ContactReason, EvidenceKind, JourneyMap, Lang, RouteKind};
use crate::model::DEFAULT_STAGES;

use super::builder::{build, PersonaSpec, TemplateSpec, Tr, TpSpec, TP};

const SHOP: Channel = Channel::OnlineShop;

/// The touchpoints; indices are used by the routes below. Volumes are customers per month.
const TOUCHPOINTS: &[TpSpec] = &[
    TpSpec { stage: 0, title: ("Sees a running-shoe ad", "Sieht eine Laufschuh-Anzeige"), channel: Channel::SocialMedia,
         action: ("Scrolls past an ad for trail shoes", "Scrollt an einer Anzeige für Trailschuhe vorbei"),
         thoughts: ("Nice colours, and 20 % off", "Schöne Farben, und 20 % Rabatt"), emotion: 1, importance: 2,
         volume: Some(10000.0), drop_off: Some(0.15), csat: None, ces: None, pains: &[], valued: &[], owner: ("Marketing", "Marketing"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 0, title: ("Reads a shoe test", "Liest einen Schuhtest"), channel: Channel::SearchEngine,
         action: ("Searches for reviews of the model", "Sucht nach Testberichten zum Modell"),
         thoughts: ("Test winner in its class", "Testsieger in seiner Klasse"), emotion: 2, importance: 3,
         volume: Some(1800.0), drop_off: None, csat: None, ces: None, pains: &[], valued: &[], owner: ("Marketing", "Marketing"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 1, title: ("Browses the product page", "Stöbert auf der Produktseite"), channel: SHOP,
         action: ("Looks at photos, sizes and prices", "Sieht sich Fotos, Größen und Preise an"),
         thoughts: ("Great photos, my size is there", "Tolle Fotos, meine Größe ist da"), emotion: 2, importance: 4,
         volume: Some(8500.0), drop_off: Some(0.25), csat: Some(4.5), ces: Some(0.85),
         pains: &[("Shipping costs not shown", "Versandkosten nicht sichtbar")],
         valued: &[(("Show shipping costs on the product page", "Versandkosten auf der Produktseite zeigen"), 70.0, 60.0, 1.0)],
         owner: ("E-commerce team", "E-Commerce-Team"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 1, title: ("Uses the size advisor", "Nutzt die Größenberatung"), channel: SHOP,
         action: ("Enters foot length and gets a size", "Gibt die Fußlänge ein und bekommt eine Größe"),
         thoughts: ("Clever, now I'm sure", "Clever, jetzt bin ich sicher"), emotion: 2, importance: 3,
         volume: Some(2100.0), drop_off: None, csat: None, ces: Some(0.9), pains: &[],
         valued: &[(("Size advisor in the app", "Größenberatung in der App"), 45.0, 40.0, 4.0)],
         owner: ("E-commerce team", "E-Commerce-Team"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 1, title: ("Asks the chat about the fit", "Fragt im Chat nach der Passform"), channel: Channel::Chat,
         action: ("Asks whether the shoe runs small", "Fragt, ob der Schuh klein ausfällt"),
         thoughts: ("Quick and friendly answer", "Schnelle, freundliche Antwort"), emotion: 1, importance: 3,
         volume: Some(600.0), drop_off: None, csat: Some(4.4), ces: None, pains: &[], valued: &[],
         owner: ("Customer service", "Kundenservice"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], contact: Some((ContactClass::SelfServiceCandidate, ContactReason::Information)), ..TP },
    TpSpec { stage: 2, title: ("Puts the shoes in the basket", "Legt die Schuhe in den Warenkorb"), channel: SHOP,
         action: ("Chooses size and colour, opens the basket", "Wählt Größe und Farbe, öffnet den Warenkorb"),
         thoughts: ("Looks good so far", "Bisher alles gut"), emotion: 1, importance: 4,
         volume: Some(6375.0), drop_off: Some(0.3), csat: Some(4.4), ces: Some(0.9), pains: &[], valued: &[],
         owner: ("E-commerce team", "E-Commerce-Team"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 2, title: ("Creates a customer account", "Legt ein Kundenkonto an"), channel: SHOP,
         action: ("Fills in the registration form", "Füllt das Registrierungsformular aus"),
         thoughts: ("Fine, it's quick", "Na gut, geht schnell"), emotion: 1, importance: 4,
         volume: Some(4462.0), drop_off: Some(0.35), csat: None, ces: Some(0.75),
         pains: &[("Account required before paying", "Konto vor dem Bezahlen Pflicht")],
         valued: &[(("Guest checkout", "Als Gast bestellen"), 85.0, 80.0, 2.0)],
         owner: ("E-commerce team", "E-Commerce-Team"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 2, title: ("Sees the shipping costs", "Sieht die Versandkosten"), channel: SHOP,
         action: ("Reaches the order summary", "Erreicht die Bestellübersicht"),
         thoughts: ("Clear summary", "Übersichtliche Zusammenfassung"), emotion: 1, importance: 4,
         volume: Some(2900.0), drop_off: Some(0.2), csat: Some(4.3), ces: None, pains: &[], valued: &[],
         owner: ("E-commerce team", "E-Commerce-Team"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 2, title: ("Pays", "Bezahlt"), channel: SHOP,
         action: ("Pays with PayPal", "Bezahlt mit PayPal"),
         thoughts: ("Done in two clicks", "Mit zwei Klicks erledigt"), emotion: 2, importance: 5,
         volume: Some(2320.0), drop_off: Some(0.1), csat: Some(4.6), ces: Some(0.9), pains: &[], valued: &[],
         owner: ("Payment provider", "Zahlungsdienstleister"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], contact: Some((ContactClass::ValueAdding, ContactReason::Order)), ..TP },
    TpSpec { stage: 3, title: ("Order confirmation", "Bestellbestätigung"), channel: Channel::Email,
         action: ("Reads the confirmation email", "Liest die Bestätigungs-E-Mail"),
         thoughts: ("Arrives on Thursday — great", "Kommt am Donnerstag — prima"), emotion: 2, importance: 3,
         volume: Some(2088.0), drop_off: Some(0.02), csat: Some(4.7), ces: None, pains: &[],
         valued: &[(("Tracking link in the email", "Sendungsverfolgung in der E-Mail"), 75.0, 70.0, 1.0)],
         owner: ("CRM", "CRM"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 3, title: ("Asks where the parcel is", "Fragt, wo das Paket ist"), channel: Channel::Phone,
         action: ("Calls the hotline on Thursday evening", "Ruft am Donnerstagabend die Hotline an"),
         thoughts: ("Nice people, but why did I have to call?", "Nette Leute, aber warum musste ich anrufen?"), emotion: 1, importance: 4,
         volume: Some(350.0), drop_off: None, csat: Some(4.2), ces: None,
         pains: &[("No tracking link", "Kein Link zur Sendungsverfolgung")], valued: &[],
         owner: ("Customer service", "Kundenservice"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], contact: Some((ContactClass::Disruptive, ContactReason::Service)), ..TP },
    TpSpec { stage: 3, title: ("Receives the parcel", "Erhält das Paket"), channel: Channel::Custom(String::new()),
         action: ("Unpacks and tries the shoes on", "Packt aus und probiert die Schuhe an"),
         thoughts: ("Perfect fit!", "Passen perfekt!"), emotion: 2, importance: 5,
         volume: Some(2046.0), drop_off: Some(0.02), csat: Some(4.6), ces: None, pains: &[], valued: &[],
         owner: ("Logistics", "Logistik"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], custom_channel: ("Parcel service", "Paketdienst"), ..TP },
    TpSpec { stage: 4, title: ("Reviews the shoes", "Bewertet die Schuhe"), channel: SHOP,
         action: ("Gives five stars in the shop", "Vergibt im Shop fünf Sterne"),
         thoughts: ("Others should know", "Das sollen andere wissen"), emotion: 2, importance: 2,
         volume: Some(310.0), drop_off: None, csat: None, ces: None, pains: &[],
         valued: &[(("Loyalty programme for runners", "Treueprogramm für Läufer"), 55.0, 75.0, 4.0)],
         owner: ("Marketing", "Marketing"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
    TpSpec { stage: 4, title: ("Newsletter with running tips", "Newsletter mit Lauftipps"), channel: Channel::Email,
         action: ("Reads training tips and a voucher", "Liest Trainingstipps und einen Gutschein"),
         thoughts: ("Useful, I'll keep it", "Nützlich, behalte ich"), emotion: 1, importance: 2,
         volume: Some(2005.0), drop_off: None, csat: None, ces: None, pains: &[], valued: &[], owner: ("CRM", "CRM"),
         evidence: EvidenceKind::Measured, source: MEASURED_SOURCE, personas: &[0], ..TP },
];

/// The planned main route: ad → product page → basket → account → shipping costs → pay →
/// order confirmation (the goal). Its pass-through multiplies to about 0.20.
const PLANNED: [(usize, usize); 6] = [(0, 2), (2, 5), (5, 6), (6, 7), (7, 8), (8, 9)];
/// After the goal: confirmation → parcel → newsletter (routes customers take after buying,
/// not part of the main route, so no log needs a newsletter to measure the purchase).
const AFTER_GOAL: [(usize, usize); 2] = [(9, 11), (11, 13)];
const ALTERNATIVE: [(usize, usize); 8] = [(1, 2), (2, 3), (3, 5), (2, 4), (4, 5), (9, 10), (10, 11), (11, 12)];

const MEASURED_SOURCE: Tr = ("Shop analytics, March", "Shop-Analytics, März");

const SPEC: TemplateSpec = TemplateSpec {
    name: ("Running shoes online", "Laufschuhe online"),
    description: ("Every touchpoint of our shoe shop feels good, yet only one in five customers who see the ad ends up with shoes. Where do we lose them?",
            "Jeder Touchpoint unseres Schuhshops fühlt sich gut an, und doch hält nur jede fünfte Kundin, die die Anzeige sieht, am Ende Schuhe in der Hand. Wo verlieren wir sie?",),
    stages: &DEFAULT_STAGES,
    personas: &[PersonaSpec {
        name: ("Sara, hobby runner", "Sara, Hobbyläuferin"),
        background: ("34, runs three times a week, shops on her phone", "34, läuft dreimal pro Woche, kauft am Handy ein"),
        goals: &[("The right shoe without a trip to town", "Den richtigen Schuh ohne Fahrt in die Stadt")],
        needs: &[("Know the full price early", "Den Endpreis früh kennen")],
        pains: &[("Forms and surprise costs at the end", "Formulare und Überraschungskosten am Ende")],
        channels: &[Channel::OnlineShop, Channel::Email, Channel::Chat],
        segment: ("Recreational runners", "Freizeitläufer"),
    }],
    touchpoints: TOUCHPOINTS,
    routes: &ROUTES,
    cost_per_contact: Some(4.5),
};

/// The routes: the planned main route and the routes after the goal, the alternatives, and
/// after the newsletter the next pair of shoes (a loop back to the product page). The order
/// (and so every route id) is the one the map had when the main route ran to the newsletter.
const ROUTES: [(usize, usize, RouteKind); 17] = {
    let mut routes = [(0, 0, RouteKind::LoopBack); 17];
    let mut i = 0;
    while i < 8 {
        routes[i] = if i < PLANNED.len() {
            (PLANNED[i].0, PLANNED[i].1, RouteKind::Planned)
        } else {
            (AFTER_GOAL[i - PLANNED.len()].0, AFTER_GOAL[i - PLANNED.len()].1, RouteKind::Alternative)
        };
        routes[8 + i] = (ALTERNATIVE[i].0, ALTERNATIVE[i].1, RouteKind::Alternative);
        i += 1;
    }
    routes[16] = (13, 2, RouteKind::LoopBack);
    routes
};

/// The example map in `lang`, with the given id and creation time.
pub fn online_shop_checkout(id: impl Into<String>, now_ms: f64, lang: Lang) -> JourneyMap {
    build(&SPEC, id, now_ms, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{parse_map, to_json};
    use crate::score::score_map;

    #[test]
    fn exists_in_both_languages_with_the_same_shape() {
        let en = online_shop_checkout("x", 0.0, Lang::En);
        let de = online_shop_checkout("x", 0.0, Lang::De);
        assert_eq!((en.name.as_str(), de.name.as_str()), ("Running shoes online", "Laufschuhe online"));
        assert_eq!(en.touchpoints.len(), de.touchpoints.len());
        assert_eq!(en.routes.len(), de.routes.len());
        assert_eq!(parse_map(&to_json(&de)).unwrap(), de);
        assert!(en.routes.iter().all(|r| en.touchpoint(&r.from).is_some() && en.touchpoint(&r.to).is_some()));
    }

    #[test]
    fn touchpoints_look_good_but_only_a_fifth_complete_and_the_illusion_warning_fires() {
        for lang in Lang::ALL {
            let map = online_shop_checkout("x", 0.0, lang);
            assert!(map.touchpoints.iter().all(|t| t.emotion.unwrap_or(0) >= 1), "every touchpoint feels good");
            let s = score_map(&map);
            let journey = s.journey.as_ref().unwrap();
            let completion = journey.completion.as_ref().unwrap().rate;
            assert!((0.18..=0.22).contains(&completion), "completion {completion}");
            assert_eq!(s.main_route.touchpoint_ids.len(), PLANNED.len() + 1);
            let mean = s.mean_touchpoint_score.unwrap();
            assert!(mean >= 75.0, "touchpoints score high on average: {mean}");
            let warning = s.illusion.as_ref().expect("illusion warning must fire");
            assert!(warning.gap > map.scoring.illusion_threshold);
            assert!(warning.message.get(lang).contains("20"), "{}", warning.message.get(lang));
        }
    }

    #[test]
    fn fixing_the_drop_offs_silences_the_warning() {
        let mut map = online_shop_checkout("x", 0.0, Lang::En);
        for tp in &mut map.touchpoints {
            if tp.measurements.drop_off_rate.is_some() {
                tp.measurements.drop_off_rate = Some(0.02);
            }
        }
        let s = score_map(&map);
        assert!(s.journey.as_ref().unwrap().completion.as_ref().unwrap().rate > 0.8);
        assert!(s.illusion.is_none(), "{:?}", s.illusion);
    }

    #[test]
    fn contacts_and_opportunities_are_ready_for_the_matrix() {
        let s = score_map(&online_shop_checkout("x", 0.0, Lang::De));
        // Chat (600, self-service candidate) + parcel call (350, disruptive).
        assert_eq!(s.contacts.reduction_potential, 950.0);
        assert_eq!(s.contacts.monthly_savings, Some(950.0 * 4.5));
        assert_eq!(s.opportunities.points.len(), 5);
        assert!(s.opportunities.incomplete.is_empty());
    }
}
