using DuckDB.NET.Data;
using Outturn.Domain.Calendar;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.Engines;

/// <summary>
/// The records Outturn's readers returned (stacked, repaired, Annex A applied) loaded into flat DuckDB tables with
/// the appender, one row per record and keys for the links the C# records hold by reference: <c>ck</c> a CIN child,
/// <c>ek</c> a CIN episode, <c>pk</c> a protection plan, <c>lk</c> a looked-after child, <c>rk</c> a SEN2 request,
/// <c>seq</c> a record's place in its list (the order the C# definitions walk them in).
/// </summary>
internal static class DuckLoad
{
    private const string Schema = """
        CREATE TABLE cin_child (ck INTEGER, child_id VARCHAR, birth DATE);
        CREATE TABLE cin_episode (ck INTEGER, ek INTEGER, seq INTEGER, referral DATE, closure DATE, nfa BOOLEAN, team VARCHAR, worker VARCHAR);
        CREATE TABLE cin_assessment (ck INTEGER, ek INTEGER, start DATE, authorised DATE);
        CREATE TABLE cin_plan (ck INTEGER, ek INTEGER, start DATE, "end" DATE);
        CREATE TABLE s47 (ck INTEGER, ek INTEGER, start DATE, conference DATE, not_required BOOLEAN);
        CREATE TABLE cpp (ck INTEGER, ek INTEGER, pk INTEGER, start DATE, "end" DATE, previous_plans INTEGER);
        CREATE TABLE cpp_review (pk INTEGER, review DATE);
        CREATE TABLE la_child (lk INTEGER, child_id VARCHAR, sex VARCHAR, birth DATE);
        CREATE TABLE la_episode (lk INTEGER, seq INTEGER, start DATE, rne VARCHAR, ls VARCHAR, cin VARCHAR, pl VARCHAR, "end" DATE, rec VARCHAR);
        CREATE TABLE missing (child_id VARCHAR, kind VARCHAR, start DATE, "end" DATE);
        CREATE TABLE social_worker (seq INTEGER, child_id VARCHAR, worker VARCHAR, team VARCHAR, start DATE, "end" DATE);
        CREATE TABLE oc2 (month DATE, child_id VARCHAR, health_assessment BOOLEAN, teeth_check BOOLEAN);
        CREATE TABLE oc3 (month DATE, child_id VARCHAR, birth DATE, in_touch VARCHAR, activity VARCHAR, accommodation VARCHAR);
        CREATE TABLE ehc_request (rk INTEGER, person_id VARCHAR, received DATE, disputed BOOLEAN);
        CREATE TABLE ehc_assessment (rk INTEGER, plan_issued DATE, disputed BOOLEAN, exceptions_apply BOOLEAN);
        CREATE TABLE population (year INTEGER, children DECIMAL(18, 4));
        CREATE TABLE calendar (day DATE, working BOOLEAN, wd INTEGER);
        CREATE TABLE months (month DATE, last_day DATE, window_from DATE);
        CREATE TABLE settings (allocated_from DATE);
        """;

    /// <summary>Creates the tables and appends every record; returns the rows appended.</summary>
    public static long Load(DuckDBConnection connection, ChildLevelData data, MonthRange months)
    {
        Execute(connection, Schema);
        long rows = 0;
        rows += LoadCin(connection, data);
        rows += LoadLookedAfter(connection, data);
        rows += LoadSpecialNeeds(connection, data);
        rows += LoadReference(connection, data, months);
        return rows;
    }

    /// <summary>Runs statements that return nothing.</summary>
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long LoadCin(DuckDBConnection connection, ChildLevelData data)
    {
        long rows = 0;
        using var children = connection.CreateAppender("cin_child");
        using var episodes = connection.CreateAppender("cin_episode");
        using var assessments = connection.CreateAppender("cin_assessment");
        using var plans = connection.CreateAppender("cin_plan");
        using var s47s = connection.CreateAppender("s47");
        using var cpps = connection.CreateAppender("cpp");
        using var reviews = connection.CreateAppender("cpp_review");
        int ck = 0, ek = 0, pk = 0;
        foreach (var child in data.Cin.Children)
        {
            children.CreateRow().AppendValue(ck).AppendValue(child.ChildId).AppendValue(child.BirthDate).EndRow();
            rows++;
            var seq = 0;
            foreach (var e in child.Episodes)
            {
                episodes.CreateRow().AppendValue(ck).AppendValue(ek).AppendValue(seq++).AppendValue(e.ReferralDate).AppendValue(e.ClosureDate)
                    .AppendValue(e.ReferralNfa).AppendValue(e.Team).AppendValue(e.Worker).EndRow();
                rows++;
                foreach (var a in e.Assessments)
                {
                    assessments.CreateRow().AppendValue(ck).AppendValue(ek).AppendValue(a.Start).AppendValue(a.Authorised).EndRow();
                    rows++;
                }

                foreach (var p in e.Plans)
                {
                    plans.CreateRow().AppendValue(ck).AppendValue(ek).AppendValue(p.Start).AppendValue(p.End).EndRow();
                    rows++;
                }

                foreach (var s in e.Section47s)
                {
                    s47s.CreateRow().AppendValue(ck).AppendValue(ek).AppendValue(s.Start).AppendValue(s.ConferenceDate).AppendValue(s.ConferenceNotRequired).EndRow();
                    rows++;
                }

                foreach (var p in e.ProtectionPlans)
                {
                    cpps.CreateRow().AppendValue(ck).AppendValue(ek).AppendValue(pk).AppendValue(p.Start).AppendValue(p.End).AppendValue(p.PreviousPlans).EndRow();
                    rows++;
                    foreach (var r in p.Reviews)
                    {
                        reviews.CreateRow().AppendValue(pk).AppendValue(r).EndRow();
                        rows++;
                    }

                    pk++;
                }

                ek++;
            }

            ck++;
        }

        return rows;
    }

    private static long LoadLookedAfter(DuckDBConnection connection, ChildLevelData data)
    {
        long rows = 0;
        var la = data.LookedAfter;
        using (var children = connection.CreateAppender("la_child"))
        using (var episodes = connection.CreateAppender("la_episode"))
        {
            var lk = 0;
            foreach (var child in la.Children)
            {
                children.CreateRow().AppendValue(lk).AppendValue(child.ChildId).AppendValue(child.Sex).AppendValue(child.BirthDate).EndRow();
                rows++;
                var seq = 0;
                foreach (var e in child.Episodes)
                {
                    episodes.CreateRow().AppendValue(lk).AppendValue(seq++).AppendValue(e.Start).AppendValue(e.Reason).AppendValue(e.LegalStatus)
                        .AppendValue(e.CategoryOfNeed).AppendValue(e.Placement).AppendValue(e.End).AppendValue(e.ReasonEnded).EndRow();
                    rows++;
                }

                lk++;
            }
        }

        using (var missing = connection.CreateAppender("missing"))
        {
            foreach (var m in la.Missing)
            {
                missing.CreateRow().AppendValue(m.ChildId).AppendValue(m.Kind).AppendValue(m.Start).AppendValue(m.End).EndRow();
                rows++;
            }
        }

        using (var workers = connection.CreateAppender("social_worker"))
        {
            var seq = 0;
            foreach (var sw in la.SocialWorkers)
            {
                workers.CreateRow().AppendValue(seq++).AppendValue(sw.ChildId).AppendValue(sw.WorkerId).AppendValue(sw.Team).AppendValue(sw.Start).AppendValue(sw.End).EndRow();
                rows++;
            }
        }

        using (var oc2 = connection.CreateAppender("oc2"))
        {
            foreach (var o in la.HealthOutcomes)
            {
                oc2.CreateRow().AppendValue(o.Year.LastMonth.FirstDay).AppendValue(o.ChildId).AppendValue(o.HealthAssessment).AppendValue(o.TeethCheck).EndRow();
                rows++;
            }
        }

        using (var oc3 = connection.CreateAppender("oc3"))
        {
            foreach (var o in la.CareLeavers)
            {
                oc3.CreateRow().AppendValue(o.Year.LastMonth.FirstDay).AppendValue(o.ChildId).AppendValue(o.BirthDate).AppendValue(o.InTouch)
                    .AppendValue(o.Activity).AppendValue(o.Accommodation).EndRow();
                rows++;
            }
        }

        return rows;
    }

    private static long LoadSpecialNeeds(DuckDBConnection connection, ChildLevelData data)
    {
        long rows = 0;
        using var requests = connection.CreateAppender("ehc_request");
        using var assessments = connection.CreateAppender("ehc_assessment");
        var rk = 0;
        foreach (var r in data.SpecialNeeds.Requests)
        {
            requests.CreateRow().AppendValue(rk).AppendValue(r.PersonId).AppendValue(r.Received).AppendValue(r.Disputed).EndRow();
            rows++;
            foreach (var a in r.Assessments)
            {
                assessments.CreateRow().AppendValue(rk).AppendValue(a.PlanIssued).AppendValue(a.Disputed).AppendValue(a.ExceptionsApply).EndRow();
                rows++;
            }

            rk++;
        }

        return rows;
    }

    /// <summary>
    /// The population; the months of the range (with the first day of each one's 12-month window); the first day
    /// allocations describe; and the calendar: every day of 2010-2030 with a running count of working days up to and
    /// including it, weekends and England's bank holidays (Outturn's own table, as an analyst keeps a bank-holiday
    /// table) not counted, so the working days after a start up to an end are <c>wd(end) - wd(start)</c>.
    /// </summary>
    private static long LoadReference(DuckDBConnection connection, ChildLevelData data, MonthRange months)
    {
        long rows = 0;
        using (var population = connection.CreateAppender("population"))
        {
            foreach (var (year, children) in data.Population)
            {
                population.CreateRow().AppendValue(year).AppendValue(children).EndRow();
                rows++;
            }
        }

        using (var calendar = connection.CreateAppender("calendar"))
        {
            var wd = 0;
            for (var day = new DateOnly(BankHolidays.FirstYear, 1, 1); day.Year <= BankHolidays.LastYear; day = day.AddDays(1))
            {
                var working = WorkingDayCalendar.IsWorkingDay(day);
                wd += working ? 1 : 0;
                calendar.CreateRow().AppendValue(day).AppendValue(working).AppendValue(wd).EndRow();
                rows++;
            }
        }

        using (var range = connection.CreateAppender("months"))
        {
            foreach (var month in months)
            {
                range.CreateRow().AppendValue(month.FirstDay).AppendValue(month.LastDay).AppendValue(month.AddMonths(-11).FirstDay).EndRow();
                rows++;
            }
        }

        using (var settings = connection.CreateAppender("settings"))
        {
            settings.CreateRow().AppendValue(data.AllocatedFrom).EndRow();
            rows++;
        }

        return rows;
    }
}
