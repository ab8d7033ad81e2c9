"""Two delivery options with fixed prices, so the checkout shows a real choice."""

from decimal import Decimal as D

from oscar.apps.shipping import methods, repository


class Standard(methods.FixedPrice):
    code = "standard"
    name = "Standard delivery"
    description = "Delivered in 3-5 working days."
    charge_excl_tax = D("3.95")
    charge_incl_tax = D("3.95")


class Express(methods.FixedPrice):
    code = "express"
    name = "Express delivery"
    description = "Delivered the next working day if ordered before 2 pm."
    charge_excl_tax = D("7.95")
    charge_incl_tax = D("7.95")


class Repository(repository.Repository):
    methods = (Standard(), Express())
