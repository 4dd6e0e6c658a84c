"""The practices app's views, one module per area. A view module never imports another:
what two share is a service (writes), a selector (reads) or a presenter (what shows)."""
