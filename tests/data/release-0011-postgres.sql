--
-- PostgreSQL database dump
--

\restrict 63fjUKyD5nnX8dzDw0SUEWn2mJVXXd6xRqbkjj9DCGJ8y43NjY3siLj7zmZIchK

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: facilities_name_to_incidents(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.facilities_name_to_incidents() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
    BEGIN
        UPDATE incidents SET facility_name = NEW.name WHERE facility_id = NEW.id;
        RETURN NULL;
    END $$;


--
-- Name: incident_logger_notify_attachments(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_attachments() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > n THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(o.kind, o.uuid, o.version, 'update')
      FROM (SELECT DISTINCT owner_kind, owner_uuid FROM old_rows) c
      JOIN (SELECT 'facility' AS kind, uuid, version FROM facilities UNION ALL SELECT 'incident' AS kind, uuid, version FROM incidents UNION ALL SELECT 'plan_item' AS kind, uuid, version FROM plan_items UNION ALL SELECT 'directive' AS kind, uuid, version FROM directives) o ON o.kind = c.owner_kind AND o.uuid = c.owner_uuid;
  ELSE
    PERFORM incident_logger_send(o.kind, o.uuid, o.version, 'update')
      FROM (SELECT DISTINCT owner_kind, owner_uuid FROM new_rows) c
      JOIN (SELECT 'facility' AS kind, uuid, version FROM facilities UNION ALL SELECT 'incident' AS kind, uuid, version FROM incidents UNION ALL SELECT 'plan_item' AS kind, uuid, version FROM plan_items UNION ALL SELECT 'directive' AS kind, uuid, version FROM directives) o ON o.kind = c.owner_kind AND o.uuid = c.owner_uuid;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_directives(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_directives() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, 'delete') FROM old_rows;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, lower(TG_OP)) FROM new_rows;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_facilities(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_facilities() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, 'delete') FROM old_rows;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, lower(TG_OP)) FROM new_rows;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_incident_links(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_incident_links() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM old_rows) c JOIN incidents p ON p.id = c.incident_id;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM new_rows) c JOIN incidents p ON p.id = c.incident_id;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_incident_status_changes(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_incident_status_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM old_rows) c JOIN incidents p ON p.id = c.incident_id;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM new_rows) c JOIN incidents p ON p.id = c.incident_id;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_incident_weapons(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_incident_weapons() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM old_rows) c JOIN incidents p ON p.id = c.incident_id;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM new_rows) c JOIN incidents p ON p.id = c.incident_id;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_incidents(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_incidents() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, 'delete') FROM old_rows;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, lower(TG_OP)) FROM new_rows;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_plan_item_incidents(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_plan_item_incidents() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT plan_item_id FROM old_rows) c JOIN plan_items p ON p.id = c.plan_item_id;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT plan_item_id FROM new_rows) c JOIN plan_items p ON p.id = c.plan_item_id;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_plan_items(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_plan_items() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, 'delete') FROM old_rows;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, lower(TG_OP)) FROM new_rows;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_notify_timeline_events(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_notify_timeline_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 200 THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM old_rows) c JOIN incidents p ON p.id = c.incident_id;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT incident_id FROM new_rows) c JOIN incidents p ON p.id = c.incident_id;
  END IF;
  RETURN NULL;
END
$$;


--
-- Name: incident_logger_send(text, text, integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_logger_send(kind text, uuid text, version integer, operation text) RETURNS void
    LANGUAGE sql
    AS $$
  SELECT pg_notify('incident_logger_changes', json_build_object('kind', kind, 'uuid', uuid, 'version', version,
                                                  'operation', operation, 'user', session_user)::text)
$$;


--
-- Name: incident_words_inserted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_words_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
    BEGIN
        INSERT INTO incident_words (id, words) SELECT id, setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(title, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(description, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(case_number, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'B') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(sources, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(investigating_agencies, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') FROM inserted;
        RETURN NULL;
    END $$;


--
-- Name: incident_words_updated(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incident_words_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
    BEGIN
        UPDATE incident_words SET words = setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(NEW.title, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(NEW.description, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(NEW.case_number, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'B') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(NEW.sources, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') || '''-'':1'::tsvector || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(NEW.investigating_agencies, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', ' ', 'g')), 'A') WHERE id = NEW.id;
        RETURN NULL;
    END $$;


--
-- Name: incidents_facility_name(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.incidents_facility_name() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO '$user', 'public'
    AS $$
    BEGIN
        NEW.facility_name := (SELECT name FROM facilities WHERE id = NEW.facility_id);
        RETURN NEW;
    END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: attachments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attachments (
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    owner_kind character varying(40) NOT NULL,
    owner_uuid character varying(36) NOT NULL,
    file_name character varying(255) NOT NULL,
    media_type character varying(127) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    added_at timestamp without time zone NOT NULL,
    added_by character varying(200) NOT NULL,
    description text NOT NULL,
    sensitive boolean NOT NULL,
    created_by character varying(200),
    updated_by character varying(200),
    CONSTRAINT record_kind CHECK (((owner_kind)::text = ANY ((ARRAY['incident'::character varying, 'facility'::character varying, 'plan_item'::character varying, 'directive'::character varying])::text[])))
);


--
-- Name: attachments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.attachments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: attachments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.attachments_id_seq OWNED BY public.attachments.id;


--
-- Name: audit_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entries (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    action character varying(40) NOT NULL,
    entity character varying(40) NOT NULL,
    entity_uuid character varying(36) NOT NULL,
    changes json NOT NULL,
    prev_hash character varying(64) NOT NULL,
    entry_hash character varying(64) NOT NULL,
    key_id character varying(16),
    actor character varying(200),
    CONSTRAINT audit_action CHECK (((action)::text = ANY ((ARRAY['create'::character varying, 'update'::character varying, 'delete'::character varying, 'import'::character varying, 'export'::character varying, 'restore'::character varying])::text[])))
);


--
-- Name: audit_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_entries_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_entries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_entries_id_seq OWNED BY public.audit_entries.id;


--
-- Name: audit_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_head (
    id integer NOT NULL,
    entries integer NOT NULL,
    last_hash character varying(64) NOT NULL,
    database_id character varying(36),
    keep_sensitive boolean DEFAULT false NOT NULL
);


--
-- Name: audit_head_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_head_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_head_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_head_id_seq OWNED BY public.audit_head.id;


--
-- Name: custody_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.custody_entries (
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    attachment_id integer NOT NULL,
    received_from character varying(300) NOT NULL,
    received_by character varying(300) NOT NULL,
    happened_precision character varying(40) NOT NULL,
    happened_on date,
    happened_until date,
    happened_time time without time zone,
    happened_approximate boolean NOT NULL,
    happened_time_of_day character varying(40),
    purpose text NOT NULL,
    note text NOT NULL,
    recorded_at timestamp without time zone NOT NULL,
    CONSTRAINT date_precision CHECK (((happened_precision)::text = ANY ((ARRAY['exact'::character varying, 'day'::character varying, 'month'::character varying, 'year'::character varying, 'range'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT time_of_day CHECK (((happened_time_of_day)::text = ANY ((ARRAY['night'::character varying, 'early_morning'::character varying, 'morning'::character varying, 'afternoon'::character varying, 'evening'::character varying])::text[])))
);


--
-- Name: custody_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.custody_entries_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: custody_entries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.custody_entries_id_seq OWNED BY public.custody_entries.id;


--
-- Name: directives; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.directives (
    title character varying(300) NOT NULL,
    issuing_office character varying(300) NOT NULL,
    issued_on date,
    deadline date,
    source_reference text NOT NULL,
    scope character varying(40) NOT NULL,
    scope_facility_id integer,
    scope_agencies character varying(200) NOT NULL,
    scope_facility_types character varying(200) NOT NULL,
    notes text NOT NULL,
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    created_by character varying(200),
    updated_by character varying(200),
    CONSTRAINT directive_scope CHECK (((scope)::text = ANY ((ARRAY['facility'::character varying, 'agency'::character varying, 'facility_type'::character varying, 'all'::character varying])::text[])))
);


--
-- Name: directives_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.directives_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: directives_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.directives_id_seq OWNED BY public.directives.id;


--
-- Name: evidence_blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.evidence_blobs (
    id integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    size bigint NOT NULL,
    chunks integer NOT NULL
);


--
-- Name: evidence_blobs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.evidence_blobs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: evidence_blobs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.evidence_blobs_id_seq OWNED BY public.evidence_blobs.id;


--
-- Name: evidence_chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.evidence_chunks (
    blob_id integer NOT NULL,
    seq integer NOT NULL,
    data bytea NOT NULL
);


--
-- Name: facilities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facilities (
    name character varying(300) NOT NULL,
    agency character varying(40) NOT NULL,
    facility_type character varying(40) NOT NULL,
    address text NOT NULL,
    city character varying(120) NOT NULL,
    state character varying(2) NOT NULL,
    zip_code character varying(10) NOT NULL,
    latitude double precision,
    longitude double precision,
    security_level character varying(40),
    last_assessment date,
    notes text NOT NULL,
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    fsl_unknown boolean DEFAULT false NOT NULL,
    operator character varying(40) DEFAULT 'unknown'::character varying NOT NULL,
    operator_name character varying(300) DEFAULT ''::character varying NOT NULL,
    created_by character varying(200),
    updated_by character varying(200),
    CONSTRAINT agency CHECK (((agency)::text = ANY ((ARRAY['ice_ero'::character varying, 'ice_hsi'::character varying, 'uscis'::character varying, 'cbp'::character varying, 'fps'::character varying, 'other'::character varying])::text[]))),
    CONSTRAINT facility_type CHECK (((facility_type)::text = ANY ((ARRAY['detention_center'::character varying, 'field_office'::character varying, 'processing_center'::character varying, 'benefits_office'::character varying, 'other'::character varying])::text[]))),
    CONSTRAINT security_level CHECK (((security_level)::text = ANY ((ARRAY['1'::character varying, '2'::character varying, '3'::character varying, '4'::character varying, '5'::character varying])::text[])))
);


--
-- Name: facilities_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.facilities_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: facilities_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.facilities_id_seq OWNED BY public.facilities.id;


--
-- Name: imported_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.imported_records (
    uuid character varying(36) NOT NULL,
    entity character varying(40) NOT NULL,
    import_uuid character varying(36) NOT NULL,
    state_digest character varying(64) NOT NULL
);


--
-- Name: incident_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incident_links (
    incident_id integer NOT NULL,
    related_id integer NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: incident_status_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incident_status_changes (
    id integer NOT NULL,
    incident_id integer NOT NULL,
    status character varying(40) NOT NULL,
    changed_on date NOT NULL,
    note text NOT NULL,
    recorded_at timestamp without time zone NOT NULL,
    changed_precision character varying(40) DEFAULT 'day'::character varying NOT NULL,
    changed_until date,
    changed_approximate boolean DEFAULT false NOT NULL,
    agency character varying(300) DEFAULT ''::character varying NOT NULL,
    reference character varying(300) DEFAULT ''::character varying NOT NULL,
    charges text DEFAULT ''::text NOT NULL,
    CONSTRAINT case_status CHECK (((status)::text = ANY ((ARRAY['reported'::character varying, 'under_investigation'::character varying, 'arrest_made'::character varying, 'referred_for_prosecution'::character varying, 'charged'::character varying, 'adjudicated'::character varying, 'closed'::character varying, 'unfounded'::character varying])::text[])))
);


--
-- Name: incident_status_changes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incident_status_changes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incident_status_changes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incident_status_changes_id_seq OWNED BY public.incident_status_changes.id;


--
-- Name: incident_weapons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incident_weapons (
    id integer NOT NULL,
    incident_id integer NOT NULL,
    "position" integer NOT NULL,
    weapon_type character varying(40) NOT NULL,
    subtype character varying(300) NOT NULL,
    CONSTRAINT weapon_type CHECK (((weapon_type)::text = ANY ((ARRAY['firearms'::character varying, 'explosives'::character varying, 'incendiary'::character varying, 'melee'::character varying, 'vehicle'::character varying, 'other'::character varying, 'unknown'::character varying])::text[])))
);


--
-- Name: incident_weapons_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incident_weapons_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incident_weapons_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incident_weapons_id_seq OWNED BY public.incident_weapons.id;


--
-- Name: incident_words; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incident_words (
    id integer NOT NULL,
    words tsvector NOT NULL
);


--
-- Name: incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incidents (
    case_number character varying(64),
    facility_id integer NOT NULL,
    title character varying(300) NOT NULL,
    occurred_precision character varying(40) NOT NULL,
    occurred_on date,
    occurred_time time without time zone,
    discovered_at timestamp without time zone,
    reported_at timestamp without time zone,
    attack_type character varying(40) NOT NULL,
    completed boolean NOT NULL,
    severity character varying(40) NOT NULL,
    victims_killed integer,
    victims_injured integer,
    perpetrators_killed integer,
    perpetrators_injured integer,
    property_damage character varying(40) NOT NULL,
    damage_estimate_usd integer,
    suspects_count integer,
    arrests_count integer,
    investigating_agencies text NOT NULL,
    status character varying(40) NOT NULL,
    description text NOT NULL,
    sources text NOT NULL,
    suspect_names text NOT NULL,
    personal_details text NOT NULL,
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    occurred_end date,
    occurred_approximate boolean DEFAULT false NOT NULL,
    occurred_time_of_day character varying(40),
    attack_type_2 character varying(40),
    attack_type_3 character varying(40),
    target_type character varying(40) DEFAULT 'unknown'::character varying NOT NULL,
    target_type_2 character varying(40),
    target_type_3 character varying(40),
    property_extent character varying(40),
    hostages character varying(40) DEFAULT 'unknown'::character varying NOT NULL,
    perpetrator_outcome character varying(40) DEFAULT 'unknown'::character varying NOT NULL,
    created_by character varying(200),
    updated_by character varying(200),
    facility_name character varying(300),
    CONSTRAINT attack_type CHECK (((attack_type)::text = ANY ((ARRAY['armed_assault'::character varying, 'bombing_explosion'::character varying, 'facility_infrastructure_attack'::character varying, 'unarmed_assault'::character varying, 'hostage_taking'::character varying, 'assassination'::character varying, 'threat'::character varying, 'breach_of_security'::character varying, 'vandalism'::character varying, 'protest_peaceful'::character varying, 'protest_unlawful'::character varying, 'other'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT case_status CHECK (((status)::text = ANY ((ARRAY['reported'::character varying, 'under_investigation'::character varying, 'arrest_made'::character varying, 'referred_for_prosecution'::character varying, 'charged'::character varying, 'adjudicated'::character varying, 'closed'::character varying, 'unfounded'::character varying])::text[]))),
    CONSTRAINT damage_status CHECK (((property_damage)::text = ANY ((ARRAY['yes'::character varying, 'no'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT date_precision CHECK (((occurred_precision)::text = ANY ((ARRAY['exact'::character varying, 'day'::character varying, 'month'::character varying, 'year'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT severity CHECK (((severity)::text = ANY ((ARRAY['low'::character varying, 'medium'::character varying, 'high'::character varying, 'critical'::character varying])::text[])))
);


--
-- Name: incidents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incidents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incidents_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incidents_id_seq OWNED BY public.incidents.id;


--
-- Name: plan_item_incidents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_item_incidents (
    plan_item_id integer NOT NULL,
    incident_id integer NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: plan_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_items (
    facility_id integer,
    description text NOT NULL,
    owner character varying(300) NOT NULL,
    due_date date,
    status character varying(40) NOT NULL,
    risk_rationale text NOT NULL,
    notes text NOT NULL,
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    directive_id integer,
    created_by character varying(200),
    updated_by character varying(200),
    CONSTRAINT plan_status CHECK (((status)::text = ANY ((ARRAY['proposed'::character varying, 'approved'::character varying, 'in_progress'::character varying, 'implemented'::character varying, 'risk_accepted'::character varying])::text[])))
);


--
-- Name: plan_items_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_items_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_items_id_seq OWNED BY public.plan_items.id;


--
-- Name: timeline_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.timeline_events (
    id integer NOT NULL,
    uuid character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    version integer NOT NULL,
    incident_id integer NOT NULL,
    happened_precision character varying(40) NOT NULL,
    happened_on date,
    happened_until date,
    happened_time time without time zone,
    happened_approximate boolean NOT NULL,
    happened_time_of_day character varying(40),
    source character varying(300) NOT NULL,
    text text NOT NULL,
    created_by character varying(200),
    updated_by character varying(200),
    CONSTRAINT date_precision CHECK (((happened_precision)::text = ANY ((ARRAY['exact'::character varying, 'day'::character varying, 'month'::character varying, 'year'::character varying, 'range'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT time_of_day CHECK (((happened_time_of_day)::text = ANY ((ARRAY['night'::character varying, 'early_morning'::character varying, 'morning'::character varying, 'afternoon'::character varying, 'evening'::character varying])::text[])))
);


--
-- Name: timeline_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.timeline_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: timeline_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.timeline_events_id_seq OWNED BY public.timeline_events.id;


--
-- Name: attachments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments ALTER COLUMN id SET DEFAULT nextval('public.attachments_id_seq'::regclass);


--
-- Name: audit_entries id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries ALTER COLUMN id SET DEFAULT nextval('public.audit_entries_id_seq'::regclass);


--
-- Name: audit_head id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_head ALTER COLUMN id SET DEFAULT nextval('public.audit_head_id_seq'::regclass);


--
-- Name: custody_entries id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.custody_entries ALTER COLUMN id SET DEFAULT nextval('public.custody_entries_id_seq'::regclass);


--
-- Name: directives id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.directives ALTER COLUMN id SET DEFAULT nextval('public.directives_id_seq'::regclass);


--
-- Name: evidence_blobs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.evidence_blobs ALTER COLUMN id SET DEFAULT nextval('public.evidence_blobs_id_seq'::regclass);


--
-- Name: facilities id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facilities ALTER COLUMN id SET DEFAULT nextval('public.facilities_id_seq'::regclass);


--
-- Name: incident_status_changes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_status_changes ALTER COLUMN id SET DEFAULT nextval('public.incident_status_changes_id_seq'::regclass);


--
-- Name: incident_weapons id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_weapons ALTER COLUMN id SET DEFAULT nextval('public.incident_weapons_id_seq'::regclass);


--
-- Name: incidents id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents ALTER COLUMN id SET DEFAULT nextval('public.incidents_id_seq'::regclass);


--
-- Name: plan_items id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_items ALTER COLUMN id SET DEFAULT nextval('public.plan_items_id_seq'::regclass);


--
-- Name: timeline_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.timeline_events ALTER COLUMN id SET DEFAULT nextval('public.timeline_events_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0011
\.


--
-- Data for Name: attachments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.attachments (id, uuid, created_at, updated_at, version, owner_kind, owner_uuid, file_name, media_type, size, sha256, added_at, added_by, description, sensitive, created_by, updated_by) FROM stdin;
1	e63b2a89-5d7e-4b0c-9a97-008fd01a99e1	2026-12-04 04:05:15	2026-12-04 04:05:15	1	incident	29e21472-6cad-4c2e-ad99-d191aaa29cd1	scene.txt	text/plain	19	51c98efed8def95cedf2b7dc75b2dcdfd3285aba4861bc2806139f6f9684fdc2	2026-12-04 04:05:15	analyst		f	postgres	postgres
\.


--
-- Data for Name: audit_entries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_entries (id, at, action, entity, entity_uuid, changes, prev_hash, entry_hash, key_id, actor) FROM stdin;
1	2026-12-04 04:05:15	create	facility	d772dcf8-ff59-4225-817f-b98080868471	{"name": [null, "Northwest Detention Center, Tacoma"], "agency": [null, "ice_ero"], "facility_type": [null, "detention_center"], "address": [null, "1623 E J St"], "city": [null, "Tacoma"], "state": [null, "WA"], "zip_code": [null, "98421"], "latitude": [null, 47.2496], "longitude": [null, -122.4213], "security_level": [null, "4"], "notes": [null, ""], "operator": [null, "unknown"], "operator_name": [null, ""]}	0000000000000000000000000000000000000000000000000000000000000000	3897c8e1ef7cdf7af8aa5ff705d324ef8e591a48c1ac9160fae3174e022ba932	ea3115370fcb1f6d	postgres
2	2026-12-04 04:05:15	create	facility	b670cbec-22ec-448d-a71b-aff0b5b48003	{"name": [null, "ICE office, San Antonio"], "agency": [null, "ice_ero"], "facility_type": [null, "field_office"], "address": [null, ""], "city": [null, "San Antonio"], "state": [null, "TX"], "zip_code": [null, ""], "security_level": [null, "3"], "notes": [null, ""], "operator": [null, "unknown"], "operator_name": [null, ""]}	3897c8e1ef7cdf7af8aa5ff705d324ef8e591a48c1ac9160fae3174e022ba932	cfad0b1f781fe5d8c7f39f774408b0ae2df4098731a6c5c8f186f046ec90594b	ea3115370fcb1f6d	postgres
3	2026-12-04 04:05:15	create	facility	fbadf03b-5fea-4f6d-ac9f-f3ef5ccb8e65	{"name": [null, "USCIS office, Florida"], "agency": [null, "uscis"], "facility_type": [null, "benefits_office"], "address": [null, ""], "city": [null, ""], "state": [null, "FL"], "zip_code": [null, ""], "security_level": [null, "3"], "notes": [null, ""], "operator": [null, "unknown"], "operator_name": [null, ""]}	cfad0b1f781fe5d8c7f39f774408b0ae2df4098731a6c5c8f186f046ec90594b	732bc51104b116c04897af76dab38c62a2ba7116a30daa00ab6cae3733bcbe3b	ea3115370fcb1f6d	postgres
4	2026-12-04 04:05:15	create	incident	29e21472-6cad-4c2e-ad99-d191aaa29cd1	{"facility_uuid": [null, "d772dcf8-ff59-4225-817f-b98080868471"], "title": [null, "Armed attack with rifle and incendiary devices on the detention center"], "occurred": [null, "2019-07-13"], "attack_type": [null, "armed_assault"], "weapons": [null, "Firearms: rifle; Incendiary: incendiary devices"], "completed": [null, true], "severity": [null, "critical"], "victims_killed": [null, 0], "victims_injured": [null, 0], "perpetrators_killed": [null, 1], "perpetrators_injured": [null, 0], "property_damage": [null, "yes"], "suspects_count": [null, 1], "arrests_count": [null, 0], "investigating_agencies": [null, "Tacoma Police Department; FBI"], "status": [null, "closed"], "description": [null, "An armed man attacked the detention center with a rifle and incendiary devices and tried to ignite a propane tank; he was shot and killed by responding police officers."], "sources": [null, "DHS memorandum on the security of ICE facilities, 12 September 2019"], "suspect_names": [null, ""], "personal_details": [null, ""], "attack_type_2": [null, "facility_infrastructure_attack"], "target_type": [null, "building"], "target_type_2": [null, "vehicles"], "property_extent": [null, "unknown"], "hostages": [null, "no"], "perpetrator_outcome": [null, "killed"], "related_uuids": [null, ""], "status_history": [null, "2019-07-13 reported; 2019-07-13 under investigation; 2019-09-12 closed (attacker deceased)"]}	732bc51104b116c04897af76dab38c62a2ba7116a30daa00ab6cae3733bcbe3b	cfa47a49f0b967e86e0a529bd4d66b084215eb8da3adb62abcfa2f18947a58b8	ea3115370fcb1f6d	postgres
5	2026-12-04 04:05:15	create	incident	106ddc23-cb3a-4d1e-be7b-2de4d8e03c87	{"facility_uuid": [null, "b670cbec-22ec-448d-a71b-aff0b5b48003"], "title": [null, "Shots fired overnight at the windows of the ICE office"], "occurred": [null, "2019-08-13"], "attack_type": [null, "facility_infrastructure_attack"], "weapons": [null, "Firearms"], "completed": [null, true], "severity": [null, "high"], "victims_killed": [null, 0], "victims_injured": [null, 0], "property_damage": [null, "yes"], "investigating_agencies": [null, "FBI; San Antonio Police Department"], "status": [null, "under_investigation"], "description": [null, "Several shots were fired overnight into the windows of the ICE office building. The building was empty; no one was injured."], "sources": [null, "DHS memorandum on the security of ICE facilities, 12 September 2019"], "suspect_names": [null, ""], "personal_details": [null, ""], "target_type": [null, "building"], "property_extent": [null, "unknown"], "hostages": [null, "no"], "perpetrator_outcome": [null, "unknown"], "related_uuids": [null, ""], "status_history": [null, "2019-08-13 reported; 2019-08-13 under investigation"]}	cfa47a49f0b967e86e0a529bd4d66b084215eb8da3adb62abcfa2f18947a58b8	7094a56e91417d29d293c47e17c8021e95390a44c671bb5fe4a8193c85794689	ea3115370fcb1f6d	postgres
6	2026-12-04 04:05:15	create	incident	d8af518c-a04f-4c96-837d-2a33a74f9b80	{"facility_uuid": [null, "fbadf03b-5fea-4f6d-ac9f-f3ef5ccb8e65"], "title": [null, "Molotov cocktail thrown at the USCIS office; the fuse failed"], "occurred": [null, "2019-08-21~/2019-08-31~"], "attack_type": [null, "facility_infrastructure_attack"], "weapons": [null, "Incendiary: Molotov cocktail"], "completed": [null, false], "severity": [null, "high"], "victims_killed": [null, 0], "victims_injured": [null, 0], "property_damage": [null, "no"], "suspects_count": [null, 1], "arrests_count": [null, 1], "investigating_agencies": [null, ""], "status": [null, "referred_for_prosecution"], "description": [null, "A Molotov cocktail was thrown at the office in late August; its fuse failed to ignite the device. A suspect was arrested."], "sources": [null, "DHS memorandum on the security of ICE facilities, 12 September 2019"], "suspect_names": [null, ""], "personal_details": [null, ""], "target_type": [null, "building"], "hostages": [null, "no"], "perpetrator_outcome": [null, "arrested"], "related_uuids": [null, ""], "status_history": [null, "2019-08 reported; 2019-08 arrest made; 2019-09 referred for prosecution (U.S. Department of Justice)"]}	7094a56e91417d29d293c47e17c8021e95390a44c671bb5fe4a8193c85794689	9be69206a45b9525505ad739e15566137ad8481a4d3e0ffc4b77c09dde3a084b	ea3115370fcb1f6d	postgres
7	2026-12-04 04:05:15	create	directive	0260eb54-b250-4988-864c-f5a4556ef11b	{"title": [null, "FPS: plan to secure all ICE facilities"], "issuing_office": [null, "DHS Deputy Secretary / FPS"], "issued_on": [null, "2019-09-12"], "deadline": [null, "2019-09-26"], "source_reference": [null, "DHS memo of 12 September 2019"], "scope": [null, "agency"], "scope_agencies": [null, "ice_ero; ice_hsi"], "scope_facility_types": [null, ""], "notes": [null, "The Federal Protective Service is to present, within two weeks, a detailed plan for securing all ICE facilities after the attacks in Tacoma, San Antonio and Florida."]}	9be69206a45b9525505ad739e15566137ad8481a4d3e0ffc4b77c09dde3a084b	5d5c52503c799dbd251bc394abfa8116b921b291f98d1e73eb090a90d029ac7f	ea3115370fcb1f6d	postgres
8	2026-12-04 04:05:15	create	plan_item	a088e8ab-9547-4df5-b42f-f4b636b76639	{"facility_uuid": [null, ""], "description": [null, "Present a detailed plan for securing all ICE facilities"], "owner": [null, "ICE, with the Federal Protective Service"], "due_date": [null, "2019-09-26"], "status": [null, "proposed"], "risk_rationale": [null, ""], "notes": [null, "Ordered by the DHS memorandum on the security of ICE facilities, 12 September 2019: due two weeks after the memorandum."], "incident_uuids": [null, ""], "directive_uuid": [null, "0260eb54-b250-4988-864c-f5a4556ef11b"]}	5d5c52503c799dbd251bc394abfa8116b921b291f98d1e73eb090a90d029ac7f	ec14ed82ec80e7e5831aa966b1bdd2599c7578963cca673548496ec3ef93e94f	ea3115370fcb1f6d	postgres
9	2026-12-04 04:05:15	create	plan_item	1a99cddc-f828-4492-a85e-4c6f63bfe72f	{"facility_uuid": [null, "d772dcf8-ff59-4225-817f-b98080868471"], "description": [null, "Vehicle barriers and a protected enclosure for the propane tank"], "owner": [null, "FPS Region 10"], "due_date": [null, "2019-11-29"], "status": [null, "approved"], "risk_rationale": [null, ""], "notes": [null, "After the attack of 13 July 2019, in which the attacker tried to ignite the propane tank."], "incident_uuids": [null, ""], "directive_uuid": [null, "0260eb54-b250-4988-864c-f5a4556ef11b"]}	ec14ed82ec80e7e5831aa966b1bdd2599c7578963cca673548496ec3ef93e94f	5a114cd68ce0469bc7bace054ff781a8610f5fa19271e4edac73f3b6d00a917e	ea3115370fcb1f6d	postgres
10	2026-12-04 04:05:15	create	plan_item	41680514-0767-4af6-b1ad-b9f1525adb97	{"facility_uuid": [null, "b670cbec-22ec-448d-a71b-aff0b5b48003"], "description": [null, "Ballistic-resistant film on the street-facing windows"], "owner": [null, "FPS Region 7"], "due_date": [null, "2019-09-19"], "status": [null, "implemented"], "risk_rationale": [null, ""], "notes": [null, "After the shots fired at the windows on 13 August 2019."], "incident_uuids": [null, ""], "directive_uuid": [null, "0260eb54-b250-4988-864c-f5a4556ef11b"]}	5a114cd68ce0469bc7bace054ff781a8610f5fa19271e4edac73f3b6d00a917e	863b33302b828f9cf1e81f2435bb1e7264c4d2a93376d5e22c0c272a113b98c0	ea3115370fcb1f6d	postgres
11	2026-12-04 04:05:15	update	incident	29e21472-6cad-4c2e-ad99-d191aaa29cd1	{"suspect_names": ["", "sensitive:f780131166d19ed35d4c913e3853747c"], "personal_details": ["", "sensitive:5a92cbaba5ff995c9f5bdfdee427ce6b"]}	863b33302b828f9cf1e81f2435bb1e7264c4d2a93376d5e22c0c272a113b98c0	97fbf8cd742e1f2b7861c42cb7c780e06aab2ded0e26edab7a4d20f86936301a	ea3115370fcb1f6d	postgres
12	2026-12-04 04:05:15	create	incident	0574e856-faf5-4b2a-890b-e408db6fc19d	{"facility_uuid": [null, "d772dcf8-ff59-4225-817f-b98080868471"], "title": [null, "Deleted before the release"], "occurred": [null, ""], "attack_type": [null, "unknown"], "weapons": [null, ""], "completed": [null, true], "severity": [null, "medium"], "property_damage": [null, "unknown"], "investigating_agencies": [null, ""], "status": [null, "reported"], "description": [null, ""], "sources": [null, ""], "suspect_names": [null, "sensitive:084676fc5a38c94480679020b2f71678"], "personal_details": [null, ""], "target_type": [null, "unknown"], "hostages": [null, "unknown"], "perpetrator_outcome": [null, "unknown"], "related_uuids": [null, ""], "status_history": [null, "2026-12-04 reported"]}	97fbf8cd742e1f2b7861c42cb7c780e06aab2ded0e26edab7a4d20f86936301a	ebdf20c8a37a5eb1312f0a12fad1def526f31a2608b9e7d17f1e807442426793	ea3115370fcb1f6d	postgres
13	2026-12-04 04:05:15	delete	incident	0574e856-faf5-4b2a-890b-e408db6fc19d	{"facility_uuid": ["d772dcf8-ff59-4225-817f-b98080868471", null], "title": ["Deleted before the release", null], "occurred": ["", null], "attack_type": ["unknown", null], "weapons": ["", null], "completed": [true, null], "severity": ["medium", null], "property_damage": ["unknown", null], "investigating_agencies": ["", null], "status": ["reported", null], "description": ["", null], "sources": ["", null], "suspect_names": ["sensitive:084676fc5a38c94480679020b2f71678", null], "personal_details": ["", null], "target_type": ["unknown", null], "hostages": ["unknown", null], "perpetrator_outcome": ["unknown", null], "related_uuids": ["", null]}	ebdf20c8a37a5eb1312f0a12fad1def526f31a2608b9e7d17f1e807442426793	094ab459fcc2070982c97c40a7011119649352c22d81a0714d15b07f83ff13ae	ea3115370fcb1f6d	postgres
14	2026-12-04 04:05:15	update	facility	d772dcf8-ff59-4225-817f-b98080868471	{"notes": ["", "Edited before the release"]}	094ab459fcc2070982c97c40a7011119649352c22d81a0714d15b07f83ff13ae	1e187e7c661d22388009370efc8a976ee638d8f11a413d5f5a331e378e9d5846	ea3115370fcb1f6d	postgres
15	2026-12-04 04:05:15	update	directive	0260eb54-b250-4988-864c-f5a4556ef11b	{"notes": ["The Federal Protective Service is to present, within two weeks, a detailed plan for securing all ICE facilities after the attacks in Tacoma, San Antonio and Florida.", "Directive edited before the release"]}	1e187e7c661d22388009370efc8a976ee638d8f11a413d5f5a331e378e9d5846	eca92e87a81f98ba8e44bafa0b08e69c29b768b13f767d3fafa25976530b1a86	ea3115370fcb1f6d	postgres
16	2026-12-04 04:05:15	update	plan_item	41680514-0767-4af6-b1ad-b9f1525adb97	{"notes": ["After the shots fired at the windows on 13 August 2019.", "Edited before the release"], "incident_uuids": ["", "29e21472-6cad-4c2e-ad99-d191aaa29cd1"]}	eca92e87a81f98ba8e44bafa0b08e69c29b768b13f767d3fafa25976530b1a86	144497b50f707461d419a550bedf0e9aa8bf811825cc71cc2ac06d38799c351f	ea3115370fcb1f6d	postgres
17	2026-12-04 04:05:15	update	incident	d8af518c-a04f-4c96-837d-2a33a74f9b80	{"related_uuids": ["", "29e21472-6cad-4c2e-ad99-d191aaa29cd1"]}	144497b50f707461d419a550bedf0e9aa8bf811825cc71cc2ac06d38799c351f	46a2d64c95f3b2e88d1a58b829663b0841ebb2c04750f4c3cc4f900fbcbcff25	ea3115370fcb1f6d	postgres
18	2026-12-04 04:05:15	create	attachment	e63b2a89-5d7e-4b0c-9a97-008fd01a99e1	{"owner_kind": [null, "incident"], "owner_uuid": [null, "29e21472-6cad-4c2e-ad99-d191aaa29cd1"], "file_name": [null, "scene.txt"], "media_type": [null, "text/plain"], "size": [null, 19], "sha256": [null, "51c98efed8def95cedf2b7dc75b2dcdfd3285aba4861bc2806139f6f9684fdc2"], "added_at": [null, "2026-12-04T04:05:15"], "added_by": [null, "analyst"], "description": [null, ""], "sensitive": [null, false]}	46a2d64c95f3b2e88d1a58b829663b0841ebb2c04750f4c3cc4f900fbcbcff25	fe70423e30d77c9196eb074882b69dc16d184bdef9d60cc5b7a7a1c02f01ceb6	ea3115370fcb1f6d	postgres
19	2026-12-04 04:05:15	create	custody_entry	a110c105-4214-4562-a49a-e4cacc8946ad	{"attachment_uuid": [null, "e63b2a89-5d7e-4b0c-9a97-008fd01a99e1"], "received_from": [null, "Officer Diaz"], "received_by": [null, "analyst"], "happened": [null, "2019-08-26"], "purpose": [null, "analysis"], "note": [null, ""], "recorded_at": [null, "2026-12-04T04:05:15"]}	fe70423e30d77c9196eb074882b69dc16d184bdef9d60cc5b7a7a1c02f01ceb6	feaac23eabddc70c990043abf230ec1aaf1b36ec29c78b132f38174e90a7cb1d	ea3115370fcb1f6d	postgres
20	2026-12-04 04:05:15	create	timeline_event	634e3553-cf95-4fac-a627-3e61f1c156a3	{"incident_uuid": [null, "29e21472-6cad-4c2e-ad99-d191aaa29cd1"], "happened": [null, "2019-08-27"], "text": [null, "Site visit"], "source": [null, "field notes"]}	feaac23eabddc70c990043abf230ec1aaf1b36ec29c78b132f38174e90a7cb1d	1080e0cbbc4f1523b589cda889b3259aee5d2b9f63d5ec8666ca4694f5e98879	ea3115370fcb1f6d	postgres
21	2026-12-04 04:05:15	import	incident	0c738b9b-c7a2-4be1-8e32-e2dec26f0ad9	{"file": [null, "/tmp/tmp9a9aayt7/release.csv"], "rows": [null, 2], "inserted": [null, 2], "updated": [null, 0], "unchanged": [null, 0], "conflicts": [null, 0], "conflicts_kept_database": [null, ""], "conflicts_took_file": [null, ""], "facilities_created": [null, 0], "file_size": [null, 217], "file_sha256": [null, "bbb7bad3127d1733a76be49c775ecfc983c6dd835ad90ad9dce183f46d09545f"], "records_made": [null, 2], "records_digest": [null, "623290e961ef10a0845f210a4856fd91ba1b9e5cc31d172634984e3756acab20"]}	1080e0cbbc4f1523b589cda889b3259aee5d2b9f63d5ec8666ca4694f5e98879	72c11658a05bc394c5e5cbbfbb40efcf9706ccfe28cc88a226ec7259a2870126	ea3115370fcb1f6d	postgres
22	2026-12-04 04:05:15	create	incident	ed74be43-8354-4008-8049-845822b4f2c9	{"(imported)": [null, "4d841871d548be5f6d6bd57f4c405867"], "facility_uuid": [null, "d772dcf8-ff59-4225-817f-b98080868471"], "title": [null, "Imported and edited before the release"], "occurred": [null, "2019-08"], "attack_type": [null, "unknown"], "weapons": [null, ""], "completed": [null, true], "severity": [null, "medium"], "property_damage": [null, "unknown"], "investigating_agencies": [null, ""], "status": [null, "reported"], "description": [null, ""], "sources": [null, ""], "suspect_names": [null, ""], "personal_details": [null, ""], "target_type": [null, "unknown"], "hostages": [null, "unknown"], "perpetrator_outcome": [null, "unknown"], "related_uuids": [null, ""], "status_history": [null, "2026-12-04 reported"]}	72c11658a05bc394c5e5cbbfbb40efcf9706ccfe28cc88a226ec7259a2870126	47281a16f6138b7ba076d7d099028f87ebd197a81f4c6db3eb4636ae4b3f3002	ea3115370fcb1f6d	postgres
23	2026-12-04 04:05:15	update	incident	ed74be43-8354-4008-8049-845822b4f2c9	{"description": ["", "Edited after its import"]}	47281a16f6138b7ba076d7d099028f87ebd197a81f4c6db3eb4636ae4b3f3002	34c14f010f99537c56f45cee50f7721a6474896d68b1cef79d37699529c6cf1c	ea3115370fcb1f6d	postgres
\.


--
-- Data for Name: audit_head; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_head (id, entries, last_hash, database_id, keep_sensitive) FROM stdin;
1	23	34c14f010f99537c56f45cee50f7721a6474896d68b1cef79d37699529c6cf1c	a072fb85-f4dc-446e-8f4b-29bcc6693694	f
\.


--
-- Data for Name: custody_entries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.custody_entries (id, uuid, attachment_id, received_from, received_by, happened_precision, happened_on, happened_until, happened_time, happened_approximate, happened_time_of_day, purpose, note, recorded_at) FROM stdin;
1	a110c105-4214-4562-a49a-e4cacc8946ad	1	Officer Diaz	analyst	day	2019-08-26	\N	\N	f	\N	analysis		2026-12-04 04:05:15
\.


--
-- Data for Name: directives; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.directives (title, issuing_office, issued_on, deadline, source_reference, scope, scope_facility_id, scope_agencies, scope_facility_types, notes, id, uuid, created_at, updated_at, version, created_by, updated_by) FROM stdin;
FPS: plan to secure all ICE facilities	DHS Deputy Secretary / FPS	2019-09-12	2019-09-26	DHS memo of 12 September 2019	agency	\N	ice_ero;ice_hsi		Directive edited before the release	1	0260eb54-b250-4988-864c-f5a4556ef11b	2026-12-04 04:05:15	2026-12-04 04:05:15	2	postgres	postgres
\.


--
-- Data for Name: evidence_blobs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.evidence_blobs (id, sha256, size, chunks) FROM stdin;
1	51c98efed8def95cedf2b7dc75b2dcdfd3285aba4861bc2806139f6f9684fdc2	19	1
2	bbb7bad3127d1733a76be49c775ecfc983c6dd835ad90ad9dce183f46d09545f	217	1
\.


--
-- Data for Name: evidence_chunks; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.evidence_chunks (blob_id, seq, data) FROM stdin;
1	0	\\x52454c454153452d30303037207363656e650a
2	0	\\x7469746c652c666163696c6974795f6e616d652c6f636375727265642c7374617475730d0a496d706f72746564206265666f7265207468652072656c656173652c224e6f7274687765737420446574656e74696f6e2043656e7465722c205461636f6d61222c323031392d30382d32382c7265706f727465640d0a496d706f7274656420616e6420656469746564206265666f7265207468652072656c656173652c224e6f7274687765737420446574656e74696f6e2043656e7465722c205461636f6d61222c323031392d30382c7265706f727465640d0a
\.


--
-- Data for Name: facilities; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.facilities (name, agency, facility_type, address, city, state, zip_code, latitude, longitude, security_level, last_assessment, notes, id, uuid, created_at, updated_at, version, fsl_unknown, operator, operator_name, created_by, updated_by) FROM stdin;
ICE office, San Antonio	ice_ero	field_office		San Antonio	TX		\N	\N	3	\N		2	b670cbec-22ec-448d-a71b-aff0b5b48003	2026-12-04 04:05:15	2026-12-04 04:05:15	1	f	unknown		postgres	postgres
USCIS office, Florida	uscis	benefits_office			FL		\N	\N	3	\N		3	fbadf03b-5fea-4f6d-ac9f-f3ef5ccb8e65	2026-12-04 04:05:15	2026-12-04 04:05:15	1	f	unknown		postgres	postgres
Northwest Detention Center, Tacoma	ice_ero	detention_center	1623 E J St	Tacoma	WA	98421	47.2496	-122.4213	4	\N	Edited before the release	1	d772dcf8-ff59-4225-817f-b98080868471	2026-12-04 04:05:15	2026-12-04 04:05:15	2	f	unknown		postgres	postgres
\.


--
-- Data for Name: imported_records; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.imported_records (uuid, entity, import_uuid, state_digest) FROM stdin;
797aa650-c74e-40de-bbb8-1c05187a496b	incident	0c738b9b-c7a2-4be1-8e32-e2dec26f0ad9	c18359496e2dce4e96ebf2decc71b932
ed74be43-8354-4008-8049-845822b4f2c9	incident	0c738b9b-c7a2-4be1-8e32-e2dec26f0ad9	4d841871d548be5f6d6bd57f4c405867
\.


--
-- Data for Name: incident_links; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.incident_links (incident_id, related_id, "position") FROM stdin;
3	1	0
\.


--
-- Data for Name: incident_status_changes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.incident_status_changes (id, incident_id, status, changed_on, note, recorded_at, changed_precision, changed_until, changed_approximate, agency, reference, charges) FROM stdin;
1	1	reported	2019-07-13		2026-12-04 04:05:15	day	\N	f			
2	1	under_investigation	2019-07-13		2026-12-04 04:05:15	day	\N	f			
3	1	closed	2019-09-12	attacker deceased	2026-12-04 04:05:15	day	\N	f			
4	2	reported	2019-08-13		2026-12-04 04:05:15	day	\N	f			
5	2	under_investigation	2019-08-13		2026-12-04 04:05:15	day	\N	f			
6	3	reported	2019-08-01		2026-12-04 04:05:15	month	\N	f			
7	3	arrest_made	2019-08-01		2026-12-04 04:05:15	month	\N	f			
8	3	referred_for_prosecution	2019-09-01		2026-12-04 04:05:15	month	\N	f	U.S. Department of Justice		
12	7	reported	2026-12-04		2026-12-04 04:05:15	day	\N	f			
13	8	reported	2026-12-04		2026-12-04 04:05:15	day	\N	f			
\.


--
-- Data for Name: incident_weapons; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.incident_weapons (id, incident_id, "position", weapon_type, subtype) FROM stdin;
1	1	0	firearms	rifle
2	1	1	incendiary	incendiary devices
3	2	0	firearms	
4	3	0	incendiary	Molotov cocktail
\.


--
-- Data for Name: incident_words; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.incident_words (id, words) FROM stdin;
1	'-':12,42,43,55 '12':52A '2019':54A 'a':21A,30A 'an':13A 'and':5A,23A,26A,36A 'armed':1A,14A 'attack':2A 'attacked':16A 'by':38A 'center':11A,19A 'department':58A 'detention':10A,18A 'devices':7A,25A 'dhs':44A 'facilities':51A 'fbi':59A 'he':33A 'ice':50A 'ignite':29A 'incendiary':6A,24A 'killed':37A 'man':15A 'memorandum':45A 'of':49A 'officers':41A 'on':8A,46A 'police':40A,57A 'propane':31A 'responding':39A 'rifle':4A,22A 'security':48A 'september':53A 'shot':35A 'tacoma':56A 'tank':32A 'the':9A,17A,47A 'to':28A 'tried':27A 'was':34A 'with':3A,20A
2	'-':11,33,34,46 '12':43A '2019':45A 'antonio':49A 'at':4A 'building':24A,26A 'department':51A 'dhs':35A 'empty':28A 'facilities':42A 'fbi':47A 'fired':2A,15A 'ice':9A,22A,41A 'injured':32A 'into':17A 'memorandum':36A 'no':29A 'of':7A,20A,40A 'office':10A,23A 'on':37A 'one':30A 'overnight':3A,16A 'police':50A 'san':48A 'security':39A 'september':44A 'several':12A 'shots':1A,13A 'the':5A,8A,18A,21A,25A,38A 'was':27A,31A 'were':14A 'windows':6A,19A
3	'-':11,34,35,47 '12':44A '2019':46A 'a':12A,30A 'arrested':33A 'at':4A,17A 'august':22A 'cocktail':2A,14A 'device':29A 'dhs':36A 'facilities':43A 'failed':10A,25A 'fuse':9A,24A 'ice':42A 'ignite':27A 'in':20A 'its':23A 'late':21A 'memorandum':37A 'molotov':1A,13A 'of':41A 'office':7A,19A 'on':38A 'security':40A 'september':45A 'suspect':31A 'the':5A,8A,18A,28A,39A 'thrown':3A,16A 'to':26A 'uscis':6A 'was':15A,32A
7	'-':5,6,7,8 'before':2A 'imported':1A 'release':4A 'the':3A
8	'-':7,12,13,14 'after':9A 'and':2A 'before':4A 'edited':3A,8A 'import':11A 'imported':1A 'its':10A 'release':6A 'the':5A
\.


--
-- Data for Name: incidents; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.incidents (case_number, facility_id, title, occurred_precision, occurred_on, occurred_time, discovered_at, reported_at, attack_type, completed, severity, victims_killed, victims_injured, perpetrators_killed, perpetrators_injured, property_damage, damage_estimate_usd, suspects_count, arrests_count, investigating_agencies, status, description, sources, suspect_names, personal_details, id, uuid, created_at, updated_at, version, occurred_end, occurred_approximate, occurred_time_of_day, attack_type_2, attack_type_3, target_type, target_type_2, target_type_3, property_extent, hostages, perpetrator_outcome, created_by, updated_by, facility_name) FROM stdin;
\N	2	Shots fired overnight at the windows of the ICE office	day	2019-08-13	\N	\N	\N	facility_infrastructure_attack	t	high	0	0	\N	\N	yes	\N	\N	\N	FBI; San Antonio Police Department	under_investigation	Several shots were fired overnight into the windows of the ICE office building. The building was empty; no one was injured.	DHS memorandum on the security of ICE facilities, 12 September 2019			2	106ddc23-cb3a-4d1e-be7b-2de4d8e03c87	2026-12-04 04:05:15	2026-12-04 04:05:15	1	2019-08-13	f	night	\N	\N	building	\N	\N	unknown	no	unknown	postgres	postgres	ICE office, San Antonio
\N	1	Armed attack with rifle and incendiary devices on the detention center	day	2019-07-13	\N	\N	\N	armed_assault	t	critical	0	0	1	0	yes	\N	1	0	Tacoma Police Department; FBI	closed	An armed man attacked the detention center with a rifle and incendiary devices and tried to ignite a propane tank; he was shot and killed by responding police officers.	DHS memorandum on the security of ICE facilities, 12 September 2019	RELEASE-0007-SUSPECT	RELEASE-0007-DETAILS	1	29e21472-6cad-4c2e-ad99-d191aaa29cd1	2026-12-04 04:05:15	2026-12-04 04:05:15	2	2019-07-13	f	early_morning	facility_infrastructure_attack	\N	building	vehicles	\N	unknown	no	killed	postgres	postgres	Northwest Detention Center, Tacoma
\N	3	Molotov cocktail thrown at the USCIS office; the fuse failed	day	2019-08-21	\N	\N	\N	facility_infrastructure_attack	f	high	0	0	\N	\N	no	\N	1	1		referred_for_prosecution	A Molotov cocktail was thrown at the office in late August; its fuse failed to ignite the device. A suspect was arrested.	DHS memorandum on the security of ICE facilities, 12 September 2019			3	d8af518c-a04f-4c96-837d-2a33a74f9b80	2026-12-04 04:05:15	2026-12-04 04:05:15	2	2019-08-31	t	\N	\N	\N	building	\N	\N	\N	no	arrested	postgres	postgres	USCIS office, Florida
\N	1	Imported before the release	day	2019-08-28	\N	\N	\N	unknown	t	medium	\N	\N	\N	\N	unknown	\N	\N	\N		reported					7	797aa650-c74e-40de-bbb8-1c05187a496b	2026-12-04 04:05:15	2026-12-04 04:05:15	1	2019-08-28	f	\N	\N	\N	unknown	\N	\N	\N	unknown	unknown	postgres	postgres	Northwest Detention Center, Tacoma
\N	1	Imported and edited before the release	month	2019-08-01	\N	\N	\N	unknown	t	medium	\N	\N	\N	\N	unknown	\N	\N	\N		reported	Edited after its import				8	ed74be43-8354-4008-8049-845822b4f2c9	2026-12-04 04:05:15	2026-12-04 04:05:15	2	2019-08-31	f	\N	\N	\N	unknown	\N	\N	\N	unknown	unknown	postgres	postgres	Northwest Detention Center, Tacoma
\.


--
-- Data for Name: plan_item_incidents; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.plan_item_incidents (plan_item_id, incident_id, "position") FROM stdin;
3	1	0
\.


--
-- Data for Name: plan_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.plan_items (facility_id, description, owner, due_date, status, risk_rationale, notes, id, uuid, created_at, updated_at, version, directive_id, created_by, updated_by) FROM stdin;
\N	Present a detailed plan for securing all ICE facilities	ICE, with the Federal Protective Service	2019-09-26	proposed		Ordered by the DHS memorandum on the security of ICE facilities, 12 September 2019: due two weeks after the memorandum.	1	a088e8ab-9547-4df5-b42f-f4b636b76639	2026-12-04 04:05:15	2026-12-04 04:05:15	1	1	postgres	postgres
1	Vehicle barriers and a protected enclosure for the propane tank	FPS Region 10	2019-11-29	approved		After the attack of 13 July 2019, in which the attacker tried to ignite the propane tank.	2	1a99cddc-f828-4492-a85e-4c6f63bfe72f	2026-12-04 04:05:15	2026-12-04 04:05:15	1	1	postgres	postgres
2	Ballistic-resistant film on the street-facing windows	FPS Region 7	2019-09-19	implemented		Edited before the release	3	41680514-0767-4af6-b1ad-b9f1525adb97	2026-12-04 04:05:15	2026-12-04 04:05:15	2	1	postgres	postgres
\.


--
-- Data for Name: timeline_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.timeline_events (id, uuid, created_at, updated_at, version, incident_id, happened_precision, happened_on, happened_until, happened_time, happened_approximate, happened_time_of_day, source, text, created_by, updated_by) FROM stdin;
1	634e3553-cf95-4fac-a627-3e61f1c156a3	2026-12-04 04:05:15	2026-12-04 04:05:15	1	1	day	2019-08-27	\N	\N	f	\N	field notes	Site visit	postgres	postgres
\.


--
-- Name: attachments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.attachments_id_seq', 1, true);


--
-- Name: audit_entries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_entries_id_seq', 23, true);


--
-- Name: audit_head_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_head_id_seq', 1, false);


--
-- Name: custody_entries_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.custody_entries_id_seq', 1, true);


--
-- Name: directives_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.directives_id_seq', 1, true);


--
-- Name: evidence_blobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.evidence_blobs_id_seq', 2, true);


--
-- Name: facilities_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.facilities_id_seq', 3, true);


--
-- Name: incident_status_changes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incident_status_changes_id_seq', 13, true);


--
-- Name: incident_weapons_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incident_weapons_id_seq', 4, true);


--
-- Name: incidents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incidents_id_seq', 8, true);


--
-- Name: plan_items_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_items_id_seq', 3, true);


--
-- Name: timeline_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.timeline_events_id_seq', 1, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: attachments attachments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);


--
-- Name: attachments attachments_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_uuid_key UNIQUE (uuid);


--
-- Name: audit_entries audit_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entries
    ADD CONSTRAINT audit_entries_pkey PRIMARY KEY (id);


--
-- Name: audit_head audit_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);


--
-- Name: custody_entries custody_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.custody_entries
    ADD CONSTRAINT custody_entries_pkey PRIMARY KEY (id);


--
-- Name: custody_entries custody_entries_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.custody_entries
    ADD CONSTRAINT custody_entries_uuid_key UNIQUE (uuid);


--
-- Name: directives directives_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.directives
    ADD CONSTRAINT directives_pkey PRIMARY KEY (id);


--
-- Name: directives directives_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.directives
    ADD CONSTRAINT directives_uuid_key UNIQUE (uuid);


--
-- Name: evidence_blobs evidence_blobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.evidence_blobs
    ADD CONSTRAINT evidence_blobs_pkey PRIMARY KEY (id);


--
-- Name: evidence_blobs evidence_blobs_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.evidence_blobs
    ADD CONSTRAINT evidence_blobs_sha256_key UNIQUE (sha256);


--
-- Name: evidence_chunks evidence_chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.evidence_chunks
    ADD CONSTRAINT evidence_chunks_pkey PRIMARY KEY (blob_id, seq);


--
-- Name: facilities facilities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facilities
    ADD CONSTRAINT facilities_pkey PRIMARY KEY (id);


--
-- Name: facilities facilities_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facilities
    ADD CONSTRAINT facilities_uuid_key UNIQUE (uuid);


--
-- Name: imported_records imported_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imported_records
    ADD CONSTRAINT imported_records_pkey PRIMARY KEY (uuid);


--
-- Name: incident_links incident_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_links
    ADD CONSTRAINT incident_links_pkey PRIMARY KEY (incident_id, related_id);


--
-- Name: incident_status_changes incident_status_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_status_changes
    ADD CONSTRAINT incident_status_changes_pkey PRIMARY KEY (id);


--
-- Name: incident_weapons incident_weapons_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_weapons
    ADD CONSTRAINT incident_weapons_pkey PRIMARY KEY (id);


--
-- Name: incident_words incident_words_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_words
    ADD CONSTRAINT incident_words_pkey PRIMARY KEY (id);


--
-- Name: incidents incidents_case_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_case_number_key UNIQUE (case_number);


--
-- Name: incidents incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_pkey PRIMARY KEY (id);


--
-- Name: incidents incidents_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_uuid_key UNIQUE (uuid);


--
-- Name: plan_item_incidents plan_item_incidents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_item_incidents
    ADD CONSTRAINT plan_item_incidents_pkey PRIMARY KEY (plan_item_id, incident_id);


--
-- Name: plan_items plan_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_items
    ADD CONSTRAINT plan_items_pkey PRIMARY KEY (id);


--
-- Name: plan_items plan_items_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_items
    ADD CONSTRAINT plan_items_uuid_key UNIQUE (uuid);


--
-- Name: timeline_events timeline_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.timeline_events
    ADD CONSTRAINT timeline_events_pkey PRIMARY KEY (id);


--
-- Name: timeline_events timeline_events_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.timeline_events
    ADD CONSTRAINT timeline_events_uuid_key UNIQUE (uuid);


--
-- Name: ix_attachments_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_attachments_owner ON public.attachments USING btree (owner_kind, owner_uuid, id);


--
-- Name: ix_attachments_sha256; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_attachments_sha256 ON public.attachments USING btree (sha256);


--
-- Name: ix_audit_entries_entity_uuid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_entries_entity_uuid ON public.audit_entries USING btree (entity_uuid);


--
-- Name: ix_custody_entries_attachment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_custody_entries_attachment_id ON public.custody_entries USING btree (attachment_id);


--
-- Name: ix_directives_issued_on; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_directives_issued_on ON public.directives USING btree (issued_on);


--
-- Name: ix_directives_scope_facility_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_directives_scope_facility_id ON public.directives USING btree (scope_facility_id);


--
-- Name: ix_facilities_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_facilities_name ON public.facilities USING btree (name);


--
-- Name: ix_facilities_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_facilities_state ON public.facilities USING btree (state);


--
-- Name: ix_imported_records_import_uuid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_imported_records_import_uuid ON public.imported_records USING btree (import_uuid);


--
-- Name: ix_incident_links_related_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_links_related_id ON public.incident_links USING btree (related_id);


--
-- Name: ix_incident_status_changes_incident_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_status_changes_incident_id ON public.incident_status_changes USING btree (incident_id);


--
-- Name: ix_incident_weapons_incident_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_weapons_incident_id ON public.incident_weapons USING btree (incident_id);


--
-- Name: ix_incident_weapons_weapon_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_weapons_weapon_type ON public.incident_weapons USING btree (weapon_type, incident_id);


--
-- Name: ix_incidents_attack_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_attack_type ON public.incidents USING btree (attack_type, id);


--
-- Name: ix_incidents_attack_type_2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_attack_type_2 ON public.incidents USING btree (attack_type_2);


--
-- Name: ix_incidents_attack_type_3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_attack_type_3 ON public.incidents USING btree (attack_type_3);


--
-- Name: ix_incidents_case_number_sort; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_case_number_sort ON public.incidents USING btree (case_number, id);


--
-- Name: ix_incidents_facility; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_facility ON public.incidents USING btree (facility_id, id);


--
-- Name: ix_incidents_facility_occurred; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_facility_occurred ON public.incidents USING btree (facility_id, occurred_on, id);


--
-- Name: ix_incidents_occurred; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_occurred ON public.incidents USING btree (occurred_on, id);


--
-- Name: ix_incidents_occurred_end; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_occurred_end ON public.incidents USING btree (occurred_end, occurred_on, id);


--
-- Name: ix_incidents_occurred_figures; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_occurred_figures ON public.incidents USING btree (occurred_on, attack_type, property_damage, damage_estimate_usd, victims_killed, victims_injured, perpetrators_killed, perpetrators_injured);


--
-- Name: ix_incidents_severity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_severity ON public.incidents USING btree (severity, id);


--
-- Name: ix_incidents_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_status ON public.incidents USING btree (status, id);


--
-- Name: ix_incidents_title; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_title ON public.incidents USING btree (title, id);


--
-- Name: ix_incidents_updated; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incidents_updated ON public.incidents USING btree (updated_at, id);


--
-- Name: ix_plan_item_incidents_incident_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_plan_item_incidents_incident_id ON public.plan_item_incidents USING btree (incident_id);


--
-- Name: ix_plan_items_directive_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_plan_items_directive_id ON public.plan_items USING btree (directive_id);


--
-- Name: ix_plan_items_due_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_plan_items_due_date ON public.plan_items USING btree (due_date);


--
-- Name: ix_plan_items_facility_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_plan_items_facility_id ON public.plan_items USING btree (facility_id);


--
-- Name: ix_plan_items_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_plan_items_status ON public.plan_items USING btree (status);


--
-- Name: ix_timeline_events_incident_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_timeline_events_incident_id ON public.timeline_events USING btree (incident_id);


--
-- Name: ixpg_facilities_name_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_facilities_name_trgm ON public.facilities USING gin (name public.gin_trgm_ops);


--
-- Name: ixpg_incident_words; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_incident_words ON public.incident_words USING gin (words);


--
-- Name: ixpg_incidents_case_facts; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_incidents_case_facts ON public.incidents USING btree (target_type, property_damage, property_extent) INCLUDE (occurred_on, occurred_end, occurred_approximate, severity);


--
-- Name: ixpg_incidents_case_number; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_incidents_case_number ON public.incidents USING btree (case_number NULLS FIRST, id);


--
-- Name: ixpg_incidents_facility_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_incidents_facility_name ON public.incidents USING btree (facility_name NULLS FIRST, id);


--
-- Name: ixpg_incidents_occurred; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ixpg_incidents_occurred ON public.incidents USING btree (occurred_on NULLS FIRST, id);


--
-- Name: facilities facilities_name_to_incidents; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER facilities_name_to_incidents AFTER UPDATE OF name ON public.facilities FOR EACH ROW WHEN (((old.name)::text IS DISTINCT FROM (new.name)::text)) EXECUTE FUNCTION public.facilities_name_to_incidents();


--
-- Name: attachments incident_logger_attachments_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_attachments_delete AFTER DELETE ON public.attachments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_attachments('');


--
-- Name: attachments incident_logger_attachments_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_attachments_insert AFTER INSERT ON public.attachments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_attachments('');


--
-- Name: attachments incident_logger_attachments_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_attachments_update AFTER UPDATE ON public.attachments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_attachments('');


--
-- Name: directives incident_logger_directives_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_directives_delete AFTER DELETE ON public.directives REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_directives('directive');


--
-- Name: directives incident_logger_directives_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_directives_insert AFTER INSERT ON public.directives REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_directives('directive');


--
-- Name: directives incident_logger_directives_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_directives_update AFTER UPDATE ON public.directives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_directives('directive');


--
-- Name: facilities incident_logger_facilities_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_facilities_delete AFTER DELETE ON public.facilities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_facilities('facility');


--
-- Name: facilities incident_logger_facilities_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_facilities_insert AFTER INSERT ON public.facilities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_facilities('facility');


--
-- Name: facilities incident_logger_facilities_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_facilities_update AFTER UPDATE ON public.facilities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_facilities('facility');


--
-- Name: incident_links incident_logger_incident_links_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_links_delete AFTER DELETE ON public.incident_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_links('incident');


--
-- Name: incident_links incident_logger_incident_links_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_links_insert AFTER INSERT ON public.incident_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_links('incident');


--
-- Name: incident_links incident_logger_incident_links_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_links_update AFTER UPDATE ON public.incident_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_links('incident');


--
-- Name: incident_status_changes incident_logger_incident_status_changes_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_status_changes_delete AFTER DELETE ON public.incident_status_changes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_status_changes('incident');


--
-- Name: incident_status_changes incident_logger_incident_status_changes_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_status_changes_insert AFTER INSERT ON public.incident_status_changes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_status_changes('incident');


--
-- Name: incident_status_changes incident_logger_incident_status_changes_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_status_changes_update AFTER UPDATE ON public.incident_status_changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_status_changes('incident');


--
-- Name: incident_weapons incident_logger_incident_weapons_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_weapons_delete AFTER DELETE ON public.incident_weapons REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_weapons('incident');


--
-- Name: incident_weapons incident_logger_incident_weapons_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_weapons_insert AFTER INSERT ON public.incident_weapons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_weapons('incident');


--
-- Name: incident_weapons incident_logger_incident_weapons_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incident_weapons_update AFTER UPDATE ON public.incident_weapons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incident_weapons('incident');


--
-- Name: incidents incident_logger_incidents_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incidents_delete AFTER DELETE ON public.incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incidents('incident');


--
-- Name: incidents incident_logger_incidents_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incidents_insert AFTER INSERT ON public.incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incidents('incident');


--
-- Name: incidents incident_logger_incidents_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_incidents_update AFTER UPDATE ON public.incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_incidents('incident');


--
-- Name: plan_item_incidents incident_logger_plan_item_incidents_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_item_incidents_delete AFTER DELETE ON public.plan_item_incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_item_incidents('plan_item');


--
-- Name: plan_item_incidents incident_logger_plan_item_incidents_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_item_incidents_insert AFTER INSERT ON public.plan_item_incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_item_incidents('plan_item');


--
-- Name: plan_item_incidents incident_logger_plan_item_incidents_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_item_incidents_update AFTER UPDATE ON public.plan_item_incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_item_incidents('plan_item');


--
-- Name: plan_items incident_logger_plan_items_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_items_delete AFTER DELETE ON public.plan_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_items('plan_item');


--
-- Name: plan_items incident_logger_plan_items_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_items_insert AFTER INSERT ON public.plan_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_items('plan_item');


--
-- Name: plan_items incident_logger_plan_items_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_plan_items_update AFTER UPDATE ON public.plan_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_plan_items('plan_item');


--
-- Name: timeline_events incident_logger_timeline_events_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_timeline_events_delete AFTER DELETE ON public.timeline_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_timeline_events('incident');


--
-- Name: timeline_events incident_logger_timeline_events_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_timeline_events_insert AFTER INSERT ON public.timeline_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_timeline_events('incident');


--
-- Name: timeline_events incident_logger_timeline_events_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_logger_timeline_events_update AFTER UPDATE ON public.timeline_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.incident_logger_notify_timeline_events('incident');


--
-- Name: incidents incident_words_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_words_inserted AFTER INSERT ON public.incidents REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION public.incident_words_inserted();


--
-- Name: incidents incident_words_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incident_words_updated AFTER UPDATE OF title, description, case_number, sources, investigating_agencies ON public.incidents FOR EACH ROW EXECUTE FUNCTION public.incident_words_updated();


--
-- Name: incidents incidents_facility_name; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER incidents_facility_name BEFORE INSERT OR UPDATE OF facility_id ON public.incidents FOR EACH ROW EXECUTE FUNCTION public.incidents_facility_name();


--
-- Name: attachments attachments_sha256_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_sha256_fkey FOREIGN KEY (sha256) REFERENCES public.evidence_blobs(sha256) ON DELETE RESTRICT;


--
-- Name: custody_entries custody_entries_attachment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.custody_entries
    ADD CONSTRAINT custody_entries_attachment_id_fkey FOREIGN KEY (attachment_id) REFERENCES public.attachments(id) ON DELETE CASCADE;


--
-- Name: directives directives_scope_facility_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.directives
    ADD CONSTRAINT directives_scope_facility_id_fkey FOREIGN KEY (scope_facility_id) REFERENCES public.facilities(id) ON DELETE RESTRICT;


--
-- Name: evidence_chunks evidence_chunks_blob_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.evidence_chunks
    ADD CONSTRAINT evidence_chunks_blob_id_fkey FOREIGN KEY (blob_id) REFERENCES public.evidence_blobs(id) ON DELETE CASCADE;


--
-- Name: plan_items fk_plan_items_directive_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_items
    ADD CONSTRAINT fk_plan_items_directive_id FOREIGN KEY (directive_id) REFERENCES public.directives(id) ON DELETE RESTRICT;


--
-- Name: incident_links incident_links_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_links
    ADD CONSTRAINT incident_links_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: incident_links incident_links_related_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_links
    ADD CONSTRAINT incident_links_related_id_fkey FOREIGN KEY (related_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: incident_status_changes incident_status_changes_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_status_changes
    ADD CONSTRAINT incident_status_changes_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: incident_weapons incident_weapons_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_weapons
    ADD CONSTRAINT incident_weapons_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: incident_words incident_words_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident_words
    ADD CONSTRAINT incident_words_id_fkey FOREIGN KEY (id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: incidents incidents_facility_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incidents
    ADD CONSTRAINT incidents_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES public.facilities(id) ON DELETE RESTRICT;


--
-- Name: plan_item_incidents plan_item_incidents_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_item_incidents
    ADD CONSTRAINT plan_item_incidents_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- Name: plan_item_incidents plan_item_incidents_plan_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_item_incidents
    ADD CONSTRAINT plan_item_incidents_plan_item_id_fkey FOREIGN KEY (plan_item_id) REFERENCES public.plan_items(id) ON DELETE CASCADE;


--
-- Name: plan_items plan_items_facility_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_items
    ADD CONSTRAINT plan_items_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES public.facilities(id) ON DELETE RESTRICT;


--
-- Name: timeline_events timeline_events_incident_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.timeline_events
    ADD CONSTRAINT timeline_events_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES public.incidents(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict 63fjUKyD5nnX8dzDw0SUEWn2mJVXXd6xRqbkjj9DCGJ8y43NjY3siLj7zmZIchK

