"""Demo practice: Sam prepares for a data engineer job and gets better at the answer."""

from __future__ import annotations

from datetime import timedelta

from coachapp.demo import demo_seeder
from coachapp.interview.operations import PracticeSetInput, create_practice_set, record_attempt
from coachapp.models import User
from coachapp.models.base import utcnow

JOB_DESCRIPTION = """\
Data Engineer (Platform team) - Northwind Logistics, Manchester (hybrid)

About the role
Northwind moves 40,000 parcels a day across the UK. Our Platform team builds the data
pipelines that route them, price them and tell customers where they are. You will join a
team of six engineers and own batch and streaming pipelines end to end.

What you will do
- Design, build and run ETL/ELT pipelines in Python and SQL, orchestrated with Airflow
- Model data in our Snowflake warehouse with dbt, with tests and documentation
- Build streaming ingestion from Kafka for tracking events
- Improve data quality: monitoring, alerting and data contracts with product teams
- Work with analysts and data scientists to make data easy to find and trust

What we are looking for
Requirements:
- 2+ years building production data pipelines in Python
- Strong SQL and data modelling
- Experience with an orchestrator such as Airflow
- Experience with a cloud platform (AWS preferred)
Nice to have:
- dbt, Snowflake, Kafka or Spark
- Infrastructure as code (Terraform)
- An interest in logistics

We offer 28 days holiday, a learning budget of 1,500 pounds a year and a mentor for
your first six months.
"""

ATTEMPTS = (
    # A rambling, long-term-first first try ...
    ("Um, so basically in five years I see myself as, like, a CTO or a head of data somewhere, "
     "managing a big department with maybe fifty people and a budget, and I guess deciding the "
     "whole technology strategy for the company. I'm a backend developer right now. I kind of "
     "want to get into data, you know, because it's interesting.", 38),
    # ... better: short-term first, but still thin on the job ...
    ("In the next year I want to move from backend development into data engineering and get "
     "good at building pipelines. I'm studying for the AWS data engineer exam. Longer term I'd "
     "like to lead a data platform team.", 30),
    # ... and a focused answer tied to this job.
    ("My short-term goal is to become a productive data engineer on your Platform team within "
     "six months: I already build services in Python and SQL, and I am finishing the AWS Certified "
     "Data Engineer exam this quarter. In this role I want to own Airflow pipelines end to end "
     "and add data quality monitoring, because reliable tracking data is what your customers see. "
     "I'd use the learning budget to go deeper into dbt and Kafka. In the longer run I see myself "
     "as a senior engineer who helps shape the data platform and mentors newer engineers.", 55),
)


@demo_seeder
def seed_practice(users: dict[str, User]) -> None:
    sam = users["sam@example.com"]
    practice_set = create_practice_set(sam, PracticeSetInput(
        "Data engineer", "Northwind Logistics", JOB_DESCRIPTION))
    start = utcnow() - timedelta(days=len(ATTEMPTS) * 3)
    for n, (text, seconds) in enumerate(ATTEMPTS):
        attempt = record_attempt(sam, practice_set, "career_goals", text, seconds)
        attempt.created_at = start + timedelta(days=3 * n)
