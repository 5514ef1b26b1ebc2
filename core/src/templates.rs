//! Ready-made maps. For now the first-start example; the template gallery grows here.

mod coffee_to_go;

pub use coffee_to_go::coffee_to_go;
