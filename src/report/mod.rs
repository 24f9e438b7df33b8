//! Reports: the serde model of each output, and one renderer per format.

pub mod freq;
pub mod analysis;
