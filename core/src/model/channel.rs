//! Where a touchpoint happens. A fixed list the app can draw icons and charts for, plus a
//! custom channel named by the user.

use serde::{Deserialize, Serialize};

use super::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Channel {
    #[default]
    Website,
    OnlineShop,
    App,
    Email,
    Phone,
    Chat,
    SocialMedia,
    ReviewPortal,
    Influencer,
    SearchEngine,
    Advertising,
    Store,
    ServiceDesk,
    Letter,
    Custom(String),
}

impl Channel {
    /// Every fixed channel, in the order the UI lists them.
    pub const FIXED: [Channel; 14] = [
        Channel::Website,
        Channel::OnlineShop,
        Channel::App,
        Channel::Email,
        Channel::Phone,
        Channel::Chat,
        Channel::SocialMedia,
        Channel::ReviewPortal,
        Channel::Influencer,
        Channel::SearchEngine,
        Channel::Advertising,
        Channel::Store,
        Channel::ServiceDesk,
        Channel::Letter,
    ];

    /// A stable key, e.g. for CSS classes and CSV export (`custom` for custom channels).
    pub fn key(&self) -> &'static str {
        match self {
            Channel::Website => "website",
            Channel::OnlineShop => "online_shop",
            Channel::App => "app",
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::SocialMedia => "social_media",
            Channel::ReviewPortal => "review_portal",
            Channel::Influencer => "influencer",
            Channel::SearchEngine => "search_engine",
            Channel::Advertising => "advertising",
            Channel::Store => "store",
            Channel::ServiceDesk => "service_desk",
            Channel::Letter => "letter",
            Channel::Custom(_) => "custom",
        }
    }

    /// The inverse of [`Channel::key`] for the fixed channels; anything else is a custom
    /// channel carrying the given text.
    pub fn from_key(key: &str) -> Channel {
        Channel::FIXED
            .iter()
            .find(|c| c.key() == key)
            .cloned()
            .unwrap_or_else(|| Channel::Custom(key.to_string()))
    }

    /// The channel's name as a user reads it.
    pub fn label(&self, lang: Lang) -> String {
        let (en, de) = match self {
            Channel::Website => ("Website", "Website"),
            Channel::OnlineShop => ("Online shop", "Onlineshop"),
            Channel::App => ("App", "App"),
            Channel::Email => ("Email", "E-Mail"),
            Channel::Phone => ("Phone", "Telefon"),
            Channel::Chat => ("Chat", "Chat"),
            Channel::SocialMedia => ("Social media", "Social Media"),
            Channel::ReviewPortal => ("Review portal", "Bewertungsportal"),
            Channel::Influencer => ("Influencer", "Influencer"),
            Channel::SearchEngine => ("Search engine", "Suchmaschine"),
            Channel::Advertising => ("Advertising", "Werbung"),
            Channel::Store => ("Store", "Geschäft / Filiale"),
            Channel::ServiceDesk => ("Service desk", "Kundenservice"),
            Channel::Letter => ("Letter", "Brief"),
            Channel::Custom(name) => return name.clone(),
        };
        lang.pick((en, de)).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_keys_become_custom() {
        for c in Channel::FIXED.iter() {
            assert_eq!(&Channel::from_key(c.key()), c);
        }
        assert_eq!(Channel::from_key("fax"), Channel::Custom("fax".into()));
    }

    #[test]
    fn every_fixed_channel_has_two_distinct_or_shared_labels() {
        for c in Channel::FIXED.iter() {
            assert!(!c.label(Lang::En).is_empty());
            assert!(!c.label(Lang::De).is_empty());
        }
        assert_eq!(Channel::Phone.label(Lang::De), "Telefon");
    }
}
