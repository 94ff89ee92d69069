"""Form dialogs that create and edit facilities, incidents and plan items; they only return values."""
