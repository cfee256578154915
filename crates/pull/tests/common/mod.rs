pub mod archives;
pub mod mirror_server;
