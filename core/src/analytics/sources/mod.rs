//! Where a file comes from: the exports a small business actually has (a shop's orders,
//! a helpdesk's tickets, web analytics), each recognised by its header and read by its
//! own preset. This module names the sources and recognises them; how each becomes
//! events is in the preset files beside it (see docs/data-sources.md).

pub mod generator;
mod events;
mod hub;
mod import;
mod layout;
pub mod pseudonym;
mod read;
mod records;
mod source_rows;

pub use hub::{join_sources, HubError};
pub use import::{import_hub, import_hub_into, import_source, import_source_into};
pub use layout::{channel_name, Dated, Layout};
pub use events::{filter, to_log, SourceEvent, SourceEvents, Texts};
pub use read::{read_events, read_source};

pub use crate::analytics::source_types::{CaseBy, ContactCounts, Filters, HubSummary, Source, SourceOptions, SourceSummary};

