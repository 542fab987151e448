"""The options of the `ocop` plugin in mkdocs.yml, typed by the engine's own config machinery.

    plugins:
      - ocop:
          products_dir: products      # the data: one folder per producer
          publish_to: /var/www/ocop   # where a bare `ocop publish` publishes (or gh-pages)
          access_log: /var/log/nginx/ocop-access.log*   # the server's logs: stamps' checks counted
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..media.qr import LEVELS
from ..model.certificate import EXPIRING_DAYS


class OcopPluginConfig(base.Config):
    products_dir = c.Type(str, default="products")
    cache_dir = c.Type(str, default=".cache/ocop")
    qr_level = c.Choice(tuple(LEVELS), default="M")
    qr_module_mm = c.Type(float, default=0.5)
    # A certificate ending within this many days is shown as "sắp hết hiệu lực".
    expiring_days = c.Type(int, default=EXPIRING_DAYS)
    qr_quiet_zone = c.Type(int, default=4)
    label_size = c.Type(str, default="30x40")
    # The commune has confirmed site_url's domain for print: until then every print file (labels,
    # brochure, poster, shelf card) carries "MẪU – chưa in", since a code printed with a wrong domain breaks.
    domain_confirmed = c.Type(bool, default=False)
    # Where a bare `ocop publish` publishes: a web server's folder (relative to mkdocs.yml, or absolute)
    # or "gh-pages". Unset, `ocop publish` needs --to or --gh-pages.
    publish_to = c.Optional(c.Type(str))
    # The editor at /quan-tri/ is served by `ocop serve` only; with a Git hosting backend for Sveltia CMS
    # (name: github, gitlab, gitea; repo: owner/name; branch; base_url… for a self-hosted one) it is
    # published with the site too, for editors working online.
    editor_backend = c.Optional(c.Type(dict))
    # The web server's access logs (paths or globs, relative to mkdocs.yml; .gz read too), where the
    # commune runs its own server: each stamp's page then says how often, on how many phones, it was
    # checked (ops/stamp_counts.py). Unset (GitHub Pages keeps no logs), the pages say they do not count.
    access_log = c.Optional(c.Type((str, list)))
    # A stamp checked on more phones than this is shown as possibly copied.
    stamp_warning_phones = c.Type(int, default=3)
