"""Asking many people: contact files, one draft per contact, the ledger of who was asked, the due list."""
