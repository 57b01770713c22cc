-- The same member id (user_id, from the company's login integration) in a service is the same customer.
-- Customers recorded twice before this rule are merged into the oldest record: their tickets move to it and its
-- blank fields take the first value another record had.
create temporary table customer_merges on commit drop as
  select id, first_value(id) over member as keeper, row_number() over member as position
  from customers
  where user_id is not null
  window member as (partition by service_id, user_id order by created_at, id);

update customers keeper set
  name = coalesce(keeper.name, merged.name),
  email = coalesce(keeper.email, merged.email),
  phone = coalesce(keeper.phone, merged.phone)
from (
  select m.keeper,
    (array_agg(c.name order by m.position) filter (where c.name is not null))[1] as name,
    (array_agg(c.email order by m.position) filter (where c.email is not null))[1] as email,
    (array_agg(c.phone order by m.position) filter (where c.phone is not null))[1] as phone
  from customer_merges m join customers c on c.id = m.id
  where m.position > 1
  group by m.keeper
) merged
where keeper.id = merged.keeper;

update tickets t set customer_id = m.keeper
from customer_merges m
where t.customer_id = m.id and m.position > 1;

delete from customers c using customer_merges m where c.id = m.id and m.position > 1;

create unique index customers_member on customers (service_id, user_id) where user_id is not null;

-- A customer's inquiry history (GET /customers/{id}), newest first.
create index tickets_customer on tickets (customer_id, created_at desc, id desc) where deleted_at is null;
