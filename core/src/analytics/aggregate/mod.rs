//! Journey aggregates: the small, versioned summary of an event log that a data warehouse
//! computes where the events live (SQL in `sql/`, format in `docs/scale.md`), and that the
//! app imports instead of the raw log.
//!
//! * [`format`]: the types of the JSON file (version [`VERSION`]).
//! * [`parse_aggregate`]: reads a file, refusing newer versions and numbers that do not add
//!   up, with path, line and column in the message.
//! * [`aggregate`]: the same aggregate from a raw [`EventLog`](super::EventLog)
//!   (`journey-analyze aggregate`), so that both paths can be compared.
//! * [`report`], [`deviation`], [`apply`]: every metric an aggregate determines, as the
//!   raw-log path's report types; [`needs_raw_events`] lists the rest.

mod derive;
pub mod format;
mod from_log;
mod locate;
mod map;
mod parse;
mod validate;

pub use derive::{drop_off, goal_known, needs_raw_events, report, summary, RawOnly};
pub use format::{
    ActivityAggregate, Aggregate, EdgeAggregate, QuantileMethod, Quantiles, Stats, TieOrder, Ties, VariantAggregate,
    VariantsAggregate, FORMAT, QUANTILE_LEVELS, VERSION,
};
pub use from_log::{aggregate, AggregateOptions};
pub use map::{apply, deviation, plan, AppliedAggregate};
pub use parse::{looks_like_aggregate, parse_aggregate, AggregateError};
