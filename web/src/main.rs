//! AIMS Readiness web app entry point: mounts the Yew app on `<body>`.

fn main() {
    yew::Renderer::<aims_web::App>::new().render();
}
