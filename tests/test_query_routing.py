"""Shops routed by query string (OpenCart, Zen Cart, CS-Cart): their pages are pages, not traps."""

from auditor.catalog import url_key
from auditor.crawl.scope import Scope
from auditor.urls import routed_path
from tests.hostile.test_traps import admitted

START = "https://shop.example/"
OC = f"{START}index.php?route="


def test_route_and_id_parameters_name_the_page_and_the_rest_is_its_query():
    path, rest = routed_path(f"{OC}product/category&path=20&sort=p.price&order=ASC")
    assert path == "/index.php/product/category/path:20"
    assert sorted(k for k, _ in rest) == ["order", "sort"]
    assert routed_path(f"{START}index.php?main_page=product_info&products_id=7")[0] == "/index.php/product_info/products_id:7"
    assert routed_path(f"{START}shop/?page=3")[0] == "/shop/"


def test_opencart_products_categories_and_policies_are_all_crawlable():
    scope = Scope(START)
    urls = [f"{OC}common/home", *[f"{OC}product/product&product_id={n}" for n in range(40, 50)],
            *[f"{OC}product/category&path={n}" for n in (18, 20, 25, "25_28")],
            *[f"{OC}information/information&information_id={n}" for n in (3, 4, 5, 6)], f"{OC}information/contact"]
    assert admitted(scope, urls) == urls


def test_sort_variants_of_one_opencart_category_are_still_capped():
    scope = Scope(START)
    sorts = [f"{OC}product/category&path=20&sort={s}&order={o}&limit={n}"
             for s in ("p.price", "pd.name", "rating", "p.model") for o in ("ASC", "DESC") for n in (25, 50, 100)]
    assert len(admitted(scope, sorts)) == scope.max_per_template  # same keys: one template
    assert scope.refuse(f"{OC}product/category&path=20&sort=p.price&order=DESC&limit=75") is not None


def test_a_product_reached_from_a_category_is_the_same_product():
    assert url_key(f"{OC}product/product&path=20&product_id=42") == url_key(f"{OC}product/product&product_id=42")
    assert url_key(f"{OC}product/product&product_id=42") != url_key(f"{OC}product/product&product_id=43")
    assert url_key(f"{START}products/mug?variant=123") == url_key(f"{START}products/mug")
