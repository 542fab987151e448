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
    assert "pip install -r requirements.txt" in steps and "mkdocs build --strict" in steps
    assert workflow["jobs"]["deploy"]["if"] == "vars.OCOP_DEPLOY_PAGES == 'true'"
