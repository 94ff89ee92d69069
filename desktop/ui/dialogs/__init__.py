"""Dialogs that show or ask for something; they never write to the database."""
