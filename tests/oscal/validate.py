#!/usr/bin/env python3
"""Validates AIMS Readiness's OSCAL documents with an independent OSCAL library.

Loads every *.json file in a directory (default: target/oscal, written by the engine test
`oscal_documents_for_validation_are_written_to_target`) with compliance-trestle's pydantic
models: `catalog` documents as trestle.oscal.catalog.Catalog, `assessment-results` documents
as trestle.oscal.assessment_results.AssessmentResults. The models forbid unknown fields and
check OSCAL's patterns (UUIDs, tokens, date-times, the oscal-version), so a document that loads
is well formed for the OSCAL version trestle implements (1.1.x for trestle 3.x).

Exit code 0 when every file loads, 1 when any fails (each failure is printed), 2 when there is
nothing to validate. Run by `./x test` in a virtual environment with a pinned trestle.
"""

import json
import pathlib
import re
import sys

from trestle.oscal import OSCAL_VERSION, OSCAL_VERSION_REGEX
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog

MODELS = {"catalog": Catalog, "assessment-results": AssessmentResults}


def validate(path: pathlib.Path) -> str:
    """Returns the document's root key; raises on any problem."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError("expected one root key, 'catalog' or 'assessment-results'")
    (root, body), = data.items()
    model = MODELS.get(root)
    if model is None:
        raise ValueError(f"unexpected root key {root!r}")
    parse = getattr(model, "model_validate", None) or model.parse_obj
    parse(body)
    # The models do not check the version on every path; check it against trestle's own rule.
    version = body["metadata"]["oscal-version"]
    if not re.match(OSCAL_VERSION_REGEX, version):
        raise ValueError(f"oscal-version {version!r} does not match {OSCAL_VERSION_REGEX}")
    return root


def main() -> int:
    directory = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/oscal")
    files = sorted(directory.glob("*.json"))
    if not files:
        print(f"validate.py: no OSCAL documents in {directory}", file=sys.stderr)
        return 2
    seen = {key: 0 for key in MODELS}
    invalid = 0
    for path in files:
        try:
            seen[validate(path)] += 1
        except Exception as e:  # any failure of any file is reported, then the run fails
            invalid += 1
            print(f"FAIL {path}: {e}", file=sys.stderr)
    missing = [key for key, count in seen.items() if count == 0]
    for key in missing:
        print(f"FAIL no {key} document in {directory}", file=sys.stderr)
    print(
        f"OSCAL (compliance-trestle, OSCAL {OSCAL_VERSION} models): {len(files) - invalid} of "
        f"{len(files)} documents valid ({seen['catalog']} catalog, "
        f"{seen['assessment-results']} assessment-results)"
    )
    return 1 if invalid or missing else 0


if __name__ == "__main__":
    sys.exit(main())
