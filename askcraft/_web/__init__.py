"""The local web page (``askcraft serve``): a thin shell over the public API, for people who don't script.

``server.py`` runs it (loopback only, a free port, a token in the URL), ``security.py`` guards every
request (Host header, token, CSRF, Content-Security-Policy, size limits), ``form.py`` builds the form
from the intent's JSON Schema, ``drafting.py``, ``checking.py`` and ``campaigning.py`` (on
``askcraft.campaign``) answer the page's requests,
``pages.py`` renders the pages and ``app.py`` puts them together. Templates and static files ship
in the package; nothing is fetched from anywhere else.
"""
