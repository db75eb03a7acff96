"""Repositories: queries on one session (callers own the transaction), DTOs out."""

from catalog.repositories.events import EventRepository
from catalog.repositories.places import PlaceRepository
from catalog.repositories.products import ProductFilter, ProductRepository
from catalog.repositories.registry import DistrictRepository, ProducerRepository

__all__ = [
    "DistrictRepository",
    "EventRepository",
    "PlaceRepository",
    "ProducerRepository",
    "ProductFilter",
    "ProductRepository",
]
