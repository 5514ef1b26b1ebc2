//! Measures and measurements of a map: the measures page (list and board) with its form,
//! the measurements page with one touchpoint's tracking panel, and the measure badge of
//! touchpoint cards.

pub mod badge;
pub mod form;
pub mod page;
pub mod tracking_page;
pub mod tracking_panel;
