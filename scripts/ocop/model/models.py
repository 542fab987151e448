"""Every model of the data files under the name it had when they were one module: the models are now
one module a concept (fields.py, producer.py, product.py, commune.py, outlet.py, fair.py).

Kept only for the imports not yet moved (pages/, ops/editor.py, model/news.py and tests, which other
branches of issue 23 are changing): import from the concept's module; the lead removes this one
when nothing imports it.
"""
from __future__ import annotations

from .fields import (  # noqa: F401
    CODE_MAX,
    CODE_PATTERN,
    SLUG_MAX,
    SLUG_PATTERN,
    Date,
    LongText,
    Model,
    Phone,
    Photo,
    PhotoEnglish,
    ShortCode,
    Slug,
    Text,
    TextList,
    WebAddress,
    vietnamese_date,
    web_address,
)
from .producer import (  # noqa: F401
    Address,
    Location,
    Producer,
    ProducerEnglish,
    ProducerKind,
)
from .product import (  # noqa: F401
    BATCH_CODE_PATTERN,
    Batch,
    Certification,
    Price,
    Product,
    ProductEnglish,
    Retirement,
    Seller,
)
from .commune import (  # noqa: F401
    Commune,
)
from .outlet import (  # noqa: F401
    Outlet,
    OutletKind,
)
from .fair import (  # noqa: F401
    Fair,
)
