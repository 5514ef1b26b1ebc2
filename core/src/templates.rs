//! Ready-made maps: the first-start example and the template gallery.

mod coffee_to_go;
mod online_shop_checkout;

pub use coffee_to_go::coffee_to_go;
pub use online_shop_checkout::online_shop_checkout;

// The template gallery of the editor ("New map from template"). Each template is a table of
// English/German text pairs in its own file, built by `builder`.
mod builder;
mod catalog;
mod loyal_customers;
mod product_test;
mod reactivation;
mod welcome_journey;

pub use catalog::Template;
