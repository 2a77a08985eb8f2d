//! The first load: mounts the start screen (`components::start`), which hands over to the app
//! module (`src/main_app.rs`) when the user asks for anything beyond it.

fn main() {
    patuh::components::start::mount();
}
