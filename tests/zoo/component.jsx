// JSX: components, fragments, spread and namespaced attributes, conditional rendering, and
// fetch in effects and event handlers.
import { useEffect, useState } from "react";

const profiles = new Map();

export function Profile({ userId, render = (p) => <b>{p?.name}</b>, ...rest }) {
  const [profile, setProfile] = useState(null);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/users/${userId}`)
      .then((r) => r?.json?.())
      .then((data) => !cancelled && setProfile(data));
    return () => {
      cancelled = true;
    };
  }, [userId]);

  async function reload() {
    const response = await fetch(`/api/users/${userId}`);
    setProfile({ ...profile, data: response.json() }); // expect: postmortem/no-unawaited-response-body
  }

  return (
    <>
      <section {...rest} data-user={userId} xlink:href="#top" onClick={async () => setProfile(await (await fetch("/me")).json())}>
        {profile ? render(profile) : <span>loading…</span>}
        {profile?.friends?.map((friend) => <Profile key={friend.id} userId={friend.id} />)}
        <button onClick={reload}>reload</button>
      </section>
    </>
  );
}

export function remember(user) {
  profiles.set(user.id, <Profile userId={user.id} />);
  return profiles.get(user.id);
}
