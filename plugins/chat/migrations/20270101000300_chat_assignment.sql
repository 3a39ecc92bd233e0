-- Who on the staff has taken a conversation (an actor: user:<id>), so the inbox can show "mine".
alter table chat_conversations add column assigned_to text check (length(assigned_to) <= 200);
