"""SQLAlchemy persistence: engine, models, repositories, unit of work and Alembic migrations."""
