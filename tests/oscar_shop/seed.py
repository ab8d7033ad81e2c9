#!/usr/bin/env python3
"""Fill a freshly migrated Oscar test store: products with prices and stock (one sold out),
shipping countries and policy pages linked from the footer.

Run it as a script with OSCAR_SHOP_DATA_DIR set (the harness does): `python seed.py`.
The two delivery options are code, not data: see shop/shipping/repository.py.
"""

import os
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Item:
    title: str
    sku: str
    price: Decimal
    stock: int
    description: str


ITEMS = (
    Item("Organic Cotton T-Shirt", "TS-001", Decimal("19.99"), 25,
         "A soft crew-neck T-shirt in organic cotton. Machine washable at 30 °C."),
    Item("Merino Wool Beanie", "BN-002", Decimal("14.50"), 8,
         "A warm ribbed beanie knitted from merino wool. One size."),
    Item("Canvas Tote Bag", "TB-003", Decimal("9.00"), 40,
         "A sturdy canvas tote with long handles and an inside pocket."),
    Item("Waterproof Rain Jacket", "RJ-004", Decimal("89.00"), 0,
         "A breathable, fully taped rain jacket with a packable hood."),
)

# (url, title, html content): the policies a shopper and a legal reviewer look for.
POLICIES = (
    ("/returns/", "Returns and refunds",
     "<p>You may cancel your order within 14 days of receiving your goods without giving "
     "any reason. To cancel, email returns@oscar-test-store.example or use the model "
     "withdrawal form. We refund the price and the standard delivery cost within 14 days "
     "of receiving the goods back; you pay the cost of returning them.</p>"),
    ("/delivery/", "Delivery information",
     "<p>We deliver to the United Kingdom and Ireland. Standard delivery costs £3.95 and "
     "takes 3-5 working days. Express delivery costs £7.95 and arrives the next working "
     "day if you order before 2 pm.</p>"),
    ("/terms/", "Terms and conditions",
     "<p>These terms govern purchases from Oscar Test Store Ltd, 1 Example Street, "
     "London EC1A 1AA, company number 01234567. Prices include VAT. The contract is "
     "formed when we confirm your order by email.</p>"),
    ("/privacy/", "Privacy policy",
     "<p>We process your name, address and email to fulfil your order (Article 6(1)(b) "
     "GDPR) and keep them for six years for tax purposes.</p>"),
    ("/contact/", "Contact us",
     "<p>Oscar Test Store Ltd, 1 Example Street, London EC1A 1AA, United Kingdom. "
     "Email: hello@oscar-test-store.example. Telephone: +44 20 7946 0000 "
     "(Monday to Friday, 9 am to 5 pm).</p>"),
)

# (ISO alpha-2, alpha-3, numeric, printable name, display order): more than one country,
# so the address form shows a real country choice as most shops do.
COUNTRIES = (
    ("GB", "GBR", "826", "United Kingdom", 2),
    ("IE", "IRL", "372", "Ireland", 1),
)


def seed() -> None:
    from django.contrib.flatpages.models import FlatPage
    from django.contrib.sites.models import Site
    from oscar.apps.catalogue.categories import create_from_breadcrumbs
    from oscar.core.loading import get_model

    Country = get_model("address", "Country")
    Partner = get_model("partner", "Partner")
    ProductClass = get_model("catalogue", "ProductClass")
    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    StockRecord = get_model("partner", "StockRecord")

    site = Site.objects.get(pk=1)
    site.domain, site.name = "127.0.0.1", "Oscar Test Store"
    site.save()

    for a2, a3, numeric, name, order in COUNTRIES:
        Country.objects.update_or_create(
            iso_3166_1_a2=a2,
            defaults=dict(iso_3166_1_a3=a3, iso_3166_1_numeric=numeric, name=name,
                          printable_name=name, display_order=order, is_shipping_country=True))

    partner = Partner.objects.create(name="Oscar Test Store Warehouse")
    product_class = ProductClass.objects.create(name="Apparel", requires_shipping=True,
                                                track_stock=True)
    category = create_from_breadcrumbs("Clothing & Accessories")
    for item in ITEMS:
        product = Product.objects.create(structure=Product.STANDALONE, title=item.title,
                                         upc=item.sku, product_class=product_class,
                                         description=f"<p>{item.description}</p>")
        ProductCategory.objects.create(product=product, category=category)
        StockRecord.objects.create(product=product, partner=partner, partner_sku=item.sku,
                                   price_currency="GBP", price=item.price,
                                   num_in_stock=item.stock)

    for url, title, content in POLICIES:
        page = FlatPage.objects.create(url=url, title=title, content=content)
        page.sites.add(site)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    import django

    django.setup()
    from django.db import transaction

    from django.core.management import call_command

    with transaction.atomic():
        seed()
    # Oscar lists its catalogue from the search index, so the index is part of the seed.
    call_command("rebuild_index", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
