/** Placeholder until the studio issues land: says what hookscope is. */
export function App() {
  return (
    <main>
      <h1>hookscope</h1>
      <p>
        A studio for the hooks of ISC Kea: compose hooks-libraries, run libraries in a simulated
        kea-dhcp4 / kea-dhcp6, and step through what each callout saw.
      </p>
    </main>
  );
}
