//! isms: compliance as code. Loads an ISMS repository kept as YAML into a typed model,
//! judges it by the rules of the standard, and renders findings and reports.
//!
//! Stages, one direction: `source` → `yaml` → `schema` → `model` (built by `workspace`) →
//! `analysis` → `rules` (run by `judge`) → `render` and `report`. `commands` is the layer
//! above them: the only one that reads the command line, writes output or fails a run.

pub mod analysis;
pub mod catalog;
pub mod commands;
pub mod config;
pub mod diff;
pub mod fields;
pub mod finding;
pub mod git;
pub mod i18n;
pub mod init;
pub mod judge;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod risk;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod workspace;
pub mod yaml;
