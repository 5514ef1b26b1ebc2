//! The one reader of typed measurement values and settings. The editor's measurement
//! fields, the scores page, the tracking panel and the CSV import all parse through here,
//! so "1.234,5", "1,234.5", "0,15" and "25 %" mean the same everywhere, and a value outside
//! its scale is refused with a message naming the field, the value and the scale — never
//! clamped, never stored.
//!
//! - [`read_number`]: the text → a number (either language's separators, `−` or `-`, a
//!   trailing `%`), `None` for an empty text; the one ambiguous text, one mark before three
//!   digits ("1,200"), is read in the language it was typed in (inputs: the UI's).
//! - [`Scale`] and [`Unit`]: the allowed range of a value and how a bare number is meant.
//!   The unit follows the label: a rate is percent in the app's inputs ("Drop-off (%)")
//!   and in a file's column whose header says "%" ("Drop-off rate (%)", what the export
//!   writes), a share (0..=1) only in a column without a unit (older exports). A `%` sign
//!   always means percent.
//! - The scales of measurements live on [`crate::model::MeasurementKind`] (`scale`,
//!   `parse`); [`TouchpointField`] and [`SettingField`] are the scores page's and the
//!   editor's inputs with their labels.
//!
//! Numbers are written back with [`crate::locale`].

mod error;
mod fields;
mod measurement;
mod number;
mod scale;

pub use error::{EntryError, EntryProblem};
pub use fields::{SettingField, TouchpointField};
pub use number::{read_number, Typed};
pub use scale::{Scale, Unit};
