//! Everything that depends on the language and the place, in one module:
//! - the two languages and the EN/DE picker ([`Lang::pick`], [`Text`]);
//! - numbers with the language's separators and one minus sign ([`number`], [`plain`],
//!   [`fixed`], [`percent`], [`signed`], [`nps`], [`duration`]), emotions as face and number ([`emotion`]);
//! - calendar dates, including "today" in the user's local time ([`Date`],
//!   [`local_date_iso`]).
//!
//! Score, charts, compare, templates and the UI format through here, so "1.234,5" and
//! "−3" look the same on every page.
//!
//! Reading typed numbers is the other direction and lives in [`crate::entry`].

mod date;
mod emotion;
mod lang;
mod number;
mod text;

pub use date::{local_date_iso, Date};
pub use emotion::{emotion, emotion_label, emotion_word};
pub use lang::Lang;
pub use number::{duration, fixed, nps, number, percent, plain, signed, MINUS};
pub use text::Text;
