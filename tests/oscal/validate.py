#!/usr/bin/env python3
"""Validates AIMS Readiness's OSCAL documents with an independent OSCAL library.

Loads every *.json file in a directory (default: target/oscal, written by the engine test
`oscal_documents_for_validation_are_written_to_target`) with compliance-trestle's pydantic
models: `catalog` documents as trestle.oscal.catalog.Catalog, `assessment-results` documents
as trestle.oscal.assessment_results.AssessmentResults, `plan-of-action-and-milestones` documents
as trestle.oscal.poam.PlanOfActionAndMilestones. The models forbid unknown fields and
check OSCAL's patterns (UUIDs, tokens, date-times, the oscal-version), so a document that loads
is well formed for the OSCAL version trestle implements.

Runs unchanged under both pinned trestle versions (`./x test` runs it with each):
- compliance-trestle 3.x (pydantic 1, OSCAL 1.1.x models): the models refuse an oscal-version
  outside 1.1.x themselves;
- compliance-trestle 5.x (pydantic 2, OSCAL 1.2.x models): stricter structure (a catalog group
  holds groups or controls, not both; a control selection includes something), and the models
  no longer check oscal-version, so this script checks that the declared version is an OSCAL
  1.x version no newer than the models' (OSCAL 1.2 reads 1.1 documents: a minor release).

Exit code 0 when every file loads, 1 when any fails (each failure is printed), 2 when there is
nothing to validate.
"""

import json
import pathlib
import re
import sys

import trestle
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.poam import PlanOfActionAndMilestones

MODELS = {
    "catalog": Catalog,
    "assessment-results": AssessmentResults,
    "plan-of-action-and-milestones": PlanOfActionAndMilestones,
}


def validate(path: pathlib.Path) -> str:
    """Returns the document's root key; raises on any problem."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError("expected one root key, one of " + ", ".join(map(repr, MODELS)))
    (root, body), = data.items()
    model = MODELS.get(root)
    if model is None:
        raise ValueError(f"unexpected root key {root!r}")
    parse = getattr(model, "model_validate", None) or model.parse_obj  # pydantic 2, else 1
    parse(body)
    # trestle 5's models accept any oscal-version: the document must not claim a newer one.
    version = body["metadata"]["oscal-version"]
    if version_tuple(version) is None:
        raise ValueError(f"oscal-version {version!r} is not MAJOR.MINOR.PATCH")
    models = version_tuple(OSCAL_VERSION)
    if version_tuple(version)[0] != models[0] or version_tuple(version) > models:
        raise ValueError(
            f"oscal-version {version!r} is not an OSCAL {models[0]}.x version up to {OSCAL_VERSION}"
        )
    return root


def version_tuple(version: str):
    """(major, minor, patch) of an OSCAL version, None when it is not one."""
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    return tuple(int(g) for g in m.groups()) if m else None


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
        f"OSCAL (compliance-trestle {trestle.__version__}, OSCAL {OSCAL_VERSION} models): {len(files) - invalid} of "
        f"{len(files)} documents valid ({seen['catalog']} catalog, "
        f"{seen['assessment-results']} assessment-results, "
        f"{seen['plan-of-action-and-milestones']} plan-of-action-and-milestones)"
    )
    return 1 if invalid or missing else 0


if __name__ == "__main__":
    sys.exit(main())
