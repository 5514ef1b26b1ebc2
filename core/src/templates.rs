//! Ready-made maps: the first-start example and the template gallery.

mod coffee_to_go;
mod online_shop_checkout;

pub use coffee_to_go::coffee_to_go;
pub use online_shop_checkout::online_shop_checkout;
