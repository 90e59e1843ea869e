"""Rendering: the template context (``context``), the words filters (``words``), blocks (``blocks``)."""
