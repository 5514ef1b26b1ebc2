//! A small pictogram per channel. Always shown next to the channel's name, so the icon is
//! never the only cue.

use journey_core::model::Channel;

pub fn channel_icon(channel: &Channel) -> &'static str {
    match channel {
        Channel::Website => "🌐",
        Channel::OnlineShop => "🛒",
        Channel::App => "📱",
        Channel::Email => "✉️",
        Channel::Phone => "📞",
        Channel::Chat => "💬",
        Channel::SocialMedia => "👍",
        Channel::ReviewPortal => "⭐",
        Channel::Influencer => "🎤",
        Channel::SearchEngine => "🔎",
        Channel::Advertising => "📣",
        Channel::Store => "🏬",
        Channel::ServiceDesk => "🛎️",
        Channel::Letter => "📦",
        Channel::Custom(_) => "✳️",
    }
}
