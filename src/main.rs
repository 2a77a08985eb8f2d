//! The first load: shows the start screen (`patuh::start`, plain DOM), which hands over to the app
//! module (`src/main_app.rs`) when the user asks for anything beyond it.

fn main() {
    patuh::start::mount();
}
