//! `aims catalog NAME --format csv|json|oscal` (OSCAL for `iso42001` only).

use crate::args::{format, Args, Command};
use aims_engine::catalog::CatalogName;
use aims_engine::export::oscal;

pub const COMMAND: Command = Command {
    name: "catalog",
    args: "iso42001|nist-ai-rmf|crosswalk|quick-scan",
    about: "Prints a catalog; `--format oscal` gives the ISO/IEC 42001 ids and short titles as \
            an OSCAL 1.1.2 catalog (iso42001 only).",
    options: &[format(&["csv", "json", "oscal"], "csv")],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["catalog name"])?;
    let name = CatalogName::parse(&args.positional[0]).map_err(|e| e.to_string())?;
    match args.choice("format")? {
        "json" => serde_json::to_string_pretty(&name.json()).map_err(|e| e.to_string()),
        "oscal" if name == CatalogName::Iso42001 => Ok(oscal::catalog()),
        "oscal" => Err(format!(
            "--format oscal is available for the iso42001 catalog only, not {}",
            name.as_str()
        )),
        _ => Ok(name.csv()),
    }
}
