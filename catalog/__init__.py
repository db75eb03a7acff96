"""The OCOP catalog: products, producers, districts and places, with migrations and services.

Imports nothing from ``bot`` or ``nlu``; callers get plain dataclasses from
:mod:`catalog.services`.
"""
