"""A static site ages: the daily rebuild must exist, run at Vietnam's midnight and build strictly."""
from __future__ import annotations

import yaml
from conftest import ROOT


def test_daily_rebuild_workflow():
    workflow = yaml.safe_load((ROOT / ".github/workflows/rebuild-daily.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "5 17 * * *"}]  # 00:05 in Vietnam (UTC+7)
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    # The whole history: "Thông tin tính đến ngày …" comes from each data file's last commit.
    [checkout] = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
    assert "pip install -r requirements.txt" in steps and "properdocs build -f mkdocs.yml --strict" in steps
    # Published builds are warm: the photos, codes and label sheets of the last run are restored, and
    # each run saves its own (a cache entry cannot be overwritten: a new key a run, the newest restored).
    [cache] = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == ".cache/ocop"
    assert "github.run_id" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    position = [step.get("uses", step.get("run")) for step in workflow["jobs"]["build"]["steps"]]
    assert position.index(cache["uses"]) < position.index("properdocs build -f mkdocs.yml --strict")
    assert workflow["jobs"]["deploy"]["if"] == "vars.OCOP_DEPLOY_PAGES == 'true'"
