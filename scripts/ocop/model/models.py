"""Every model of the data files under the name it had when they were one module: the models are now
one module a concept (fields.py, producer.py, product.py, commune.py, outlet.py, fair.py), and the
package imports them from there.

Kept only for the test modules that import `ocop.model.models` (tests/model/test_models.py is named
after it), which the 23-tests branch is changing at the same time: the lead moves those imports to the
concept's module and removes this one.
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
