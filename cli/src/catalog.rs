//! `aims catalog NAME --format csv|json|oscal` (OSCAL for `iso42001` only).

use crate::args::Args;
use aims_engine::catalog::CatalogName;
use aims_engine::export::oscal;

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("format", true)])?;
    args.expect_positional(&["catalog name"])?;
    let name = CatalogName::parse(&args.positional[0]).map_err(|e| e.to_string())?;
    match args.choice("format", &["csv", "json", "oscal"], "csv")? {
        "json" => serde_json::to_string_pretty(&name.json()).map_err(|e| e.to_string()),
        "oscal" if name == CatalogName::Iso42001 => Ok(oscal::catalog()),
        "oscal" => Err(format!(
            "--format oscal is available for the iso42001 catalog only, not {}",
            name.as_str()
        )),
        _ => Ok(name.csv()),
    }
}
