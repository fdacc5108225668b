//! AIMS Readiness web app entry point: mounts the Yew app on `<body>`.

fn main() {
    aims_web::app::remember_prerendered();
    yew::Renderer::<aims_web::App>::new().render();
}
