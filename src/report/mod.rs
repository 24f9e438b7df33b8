//! Reports: the serde model of each output, and one renderer per format.

pub mod analysis;
pub mod freq;
pub mod html;
